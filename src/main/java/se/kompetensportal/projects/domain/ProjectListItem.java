package se.kompetensportal.projects.domain;

import java.time.LocalDate;

/** A row of the project list. */
public record ProjectListItem(long id, String name, String shortName, String funderReference, String ownerOrganisation,
        LocalDate startDate, LocalDate endDate, long trackCount, long actorCount) {
}
