package se.kompetensportal.dialogfund;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An application was granted (with the amount granted) or rejected ({@code amountGranted} is then zero).
 */
public record ApplicationDecided(long applicationId, long fundId, long projectId, int fundYear, String reference,
        boolean granted, BigDecimal amountGranted, LocalDate decidedOn) {
}
