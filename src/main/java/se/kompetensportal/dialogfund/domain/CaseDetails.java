package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application as the secretary handles it: its details, the reviewers' scores (with the average per criterion and
 * overall), who has not reviewed yet, and what remains of the fund.
 */
public record CaseDetails(ApplicationDetails application, List<FundSummary.CriterionView> criteria,
        List<ReviewView> reviews, Map<Long, Double> averageByCriterion, Double averageScore,
        List<String> pendingReviewers, BigDecimal fundRemaining, long fundVersion) {

    /** One reviewer's scores, by criterion id. */
    public record ReviewView(String reviewerName, Map<Long, Integer> scores, String comment, Instant updatedAt) {
    }
}
