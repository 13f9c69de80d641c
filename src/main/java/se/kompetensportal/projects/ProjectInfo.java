package se.kompetensportal.projects;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What other modules need to know about a project. */
public record ProjectInfo(long id, String name, String shortName, String funderReference, String ownerOrganisation,
        LocalDate startDate, LocalDate endDate, Integer plannedParticipants, BigDecimal coFinancingRate,
        boolean requiresPersonalId, String dataProtectionUrl, LocalDate keepUntil) {
}
