package se.kompetensportal.projects.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A project's own data as shown on its page. */
public record ProjectView(long id, String name, String shortName, String funderReference, String ownerOrganisation,
        LocalDate startDate, LocalDate endDate, Integer plannedParticipants, BigDecimal totalBudget,
        BigDecimal esfSupport, BigDecimal coFinancingRate, String description, boolean requiresPersonalId,
        String dataProtectionUrl, LocalDate keepUntil) {

    static ProjectView of(Project p) {
        return new ProjectView(p.getId(), p.getName(), p.getShortName(), p.getFunderReference(),
                p.getOwnerOrganisation(), p.getStartDate(), p.getEndDate(), p.getPlannedParticipants(),
                p.getTotalBudget(), p.getEsfSupport(), p.getCoFinancingRate(), p.getDescription(),
                p.isRequiresPersonalId(), p.getDataProtectionUrl(), p.getKeepUntil());
    }
}
