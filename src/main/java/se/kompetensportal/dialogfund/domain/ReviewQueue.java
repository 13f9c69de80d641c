package se.kompetensportal.dialogfund.domain;

import java.util.List;
import java.util.Map;

/** The applications of the funds a reviewer reviews, with the projects' names. */
public record ReviewQueue(List<ApplicationListItem> applications, Map<Long, String> projectNames,
        ApplicationStatus filter) {
}
