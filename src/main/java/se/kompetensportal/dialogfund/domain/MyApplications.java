package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The applicant's own applications, and the funds they can apply to. */
public record MyApplications(List<ApplicationListItem> applications, Map<Long, String> projectNames,
        List<FundSummary> funds, LocalDate today) {
}
