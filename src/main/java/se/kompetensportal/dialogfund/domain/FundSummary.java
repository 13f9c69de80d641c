package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A fund as applicants see it: its project, year, amounts, criteria, and whether it is open today (else when it next
 * opens, if a period is planned).
 */
public record FundSummary(long id, long projectId, String projectName, String projectShortName, int year,
        BigDecimal totalAmount, BigDecimal maxPerApplication, String description, List<String> municipalities,
        List<CriterionView> criteria, PeriodView openPeriod, PeriodView nextPeriod) {

    public boolean isOpen() {
        return openPeriod != null;
    }

    public record PeriodView(long id, LocalDate opensOn, LocalDate closesOn) {
    }

    public record CriterionView(long id, String name, String description) {
    }
}
