package se.kompetensportal.dialogfund;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The final report of a granted application was approved: the activity was carried out, with the participants it
 * reports (by gender, and newcomers / long-time residents) and its actual costs.
 */
public record ApplicationCarriedOut(long applicationId, long fundId, long projectId, int fundYear, String reference,
        LocalDate heldOn, int participantsWomen, int participantsMen, int participantsNewcomers,
        int participantsLongTimeResidents, BigDecimal actualCosts, LocalDate approvedOn) {
}
