package se.kompetensportal.dialogfund.domain;

import se.kompetensportal.dialogfund.FundFigures;

/** A fund in the staff overview, with its project's name. */
public record FundOverviewRow(FundFigures figures, String projectName, String projectShortName) {
}
