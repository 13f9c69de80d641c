package se.kompetensportal.dialogfund.domain;

import java.util.List;

/** What a reviewer sees of an application: its details, the criteria, and their own scores (editable until decided). */
public record ReviewPage(ApplicationDetails application, List<FundSummary.CriterionView> criteria, ReviewForm form,
        boolean editable, boolean reviewed) {
}
