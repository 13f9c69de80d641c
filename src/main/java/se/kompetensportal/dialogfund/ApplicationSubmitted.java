package se.kompetensportal.dialogfund;

import java.math.BigDecimal;
import java.time.Instant;

/** An application to a dialog fund was submitted and got its reference number. */
public record ApplicationSubmitted(long applicationId, long fundId, long projectId, int fundYear, String reference,
        BigDecimal amountRequested, Instant submittedAt) {
}
