package se.kompetensportal.shared.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What a retention rule needs to know: the time (from the portal's clock) and the projects whose keep-until date has
 * passed (their personal data may go, whatever module holds it).
 */
public record RetentionContext(Instant now, LocalDate today, Set<Long> expiredProjectIds) {

    public RetentionContext {
        expiredProjectIds = Set.copyOf(expiredProjectIds);
    }

    /** The expired projects for an SQL {@code in (...)} list: never empty ({@code -1} stands for none). */
    public Set<Long> expiredProjectsForSql() {
        return expiredProjectIds.isEmpty() ? Set.of(-1L) : expiredProjectIds;
    }
}
