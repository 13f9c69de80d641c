package se.kompetensportal.participants.domain;

import java.math.BigDecimal;
import java.util.List;

/** What the certificate of participation says. */
public record CertificateData(String name, String activityTitle, String projectName, String funderReference,
        List<String> schedule, BigDecimal hours, int sessionsAttended, int sessions) {
}
