package se.kompetensportal.activities.domain;

import java.time.LocalDate;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;

/**
 * The filters of the secretary's activity list. {@code from}/{@code to} keep activities that have a session in the
 * period; {@code sort} is one of {@code date} (default), {@code date-desc}, {@code title}, {@code status}.
 */
public record ActivityFilter(Long projectId, Long trackId, ActivityKind kind, ActivityStatus status, LocalDate from,
        LocalDate to, String sort) {

    public static final java.util.List<String> SORTS = java.util.List.of("date", "date-desc", "title", "status");

    public String sortOrDefault() {
        return sort != null && SORTS.contains(sort) ? sort : "date";
    }
}
