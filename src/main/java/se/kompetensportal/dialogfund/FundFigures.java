package se.kompetensportal.dialogfund;

import java.math.BigDecimal;

/**
 * A fund's figures for its project and year: applications received (submitted, whatever happened since), granted
 * (including those carried out), rejected and carried out; amounts granted and remaining; the targets they are
 * measured against (IKO's plan: at least 10 applications a year, at least 5 granted and carried out).
 */
public record FundFigures(long fundId, long projectId, int year, BigDecimal totalAmount, BigDecimal grantedAmount,
        BigDecimal remainingAmount, long received, long granted, long rejected, long carriedOut,
        int targetApplications, int targetCarriedOut) {

    public FundFigures {
        grantedAmount = grantedAmount == null ? BigDecimal.ZERO : grantedAmount;
    }

    public boolean applicationsTargetMet() {
        return received >= targetApplications;
    }

    public boolean carriedOutTargetMet() {
        return carriedOut >= targetCarriedOut;
    }
}
