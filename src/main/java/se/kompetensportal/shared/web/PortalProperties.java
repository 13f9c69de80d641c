package se.kompetensportal.shared.web;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation-wide settings.
 *
 * @param baseUrl        the address users reach the portal at; used in links in mails and calendars
 * @param operator       the organisation that runs this installation (named in the accessibility statement)
 * @param contactEmail   where users write about the service and its accessibility
 * @param accessibility  dates of the accessibility statement
 */
@ConfigurationProperties("kp")
public record PortalProperties(String baseUrl, String operator, String contactEmail, Accessibility accessibility) {

    public PortalProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        operator = operator == null || operator.isBlank() ? "Kompetensportalen" : operator;
        contactEmail = contactEmail == null ? "" : contactEmail;
        accessibility = accessibility == null ? new Accessibility(null, null) : accessibility;
    }

    /** Link to an absolute path of the portal, for mails and calendars. */
    public String link(String path) {
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    /**
     * @param assessed  when the portal was last assessed against WCAG 2.1 AA
     * @param updated   when the statement was last updated
     */
    public record Accessibility(LocalDate assessed, LocalDate updated) {
        public Accessibility {
            assessed = assessed == null ? LocalDate.of(2026, 11, 22) : assessed;
            updated = updated == null ? assessed : updated;
        }
    }
}
