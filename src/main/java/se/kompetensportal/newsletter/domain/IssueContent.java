package se.kompetensportal.newsletter.domain;

import java.time.Instant;
import java.util.List;

/**
 * An issue as it reads, the same in the browser preview, the archive and every mail: the intro, the project's
 * activities by track, other actors' activities, and new knowledge items.
 *
 * @param euStatementKey the message key of the EU funding statement shown with the emblem, or {@code null}
 */
public record IssueContent(long issueId, long projectId, String projectName, String projectShortName,
        String projectSlug, int number, String subject, Instant sentAt, String introHtml, String introText,
        List<Section> sections, List<Entry> external, List<Entry> knowledge, String euStatementKey) {

    /** The activities of one track ({@code track} is null for those without one). */
    public record Section(String track, List<Entry> entries) {
    }

    /**
     * One entry.
     *
     * @param url a path in the portal ({@code /activities/42-…}) or an address elsewhere, or {@code null}
     */
    public record Entry(long id, String title, String when, String organiser, String description, String url) {

        /** The link as a mail needs it: paths of the portal made absolute. */
        public String absoluteUrl(String baseUrl) {
            return url == null ? null : url.startsWith("/") ? baseUrl + url : url;
        }
    }

    public boolean empty() {
        return sections.isEmpty() && external.isEmpty() && knowledge.isEmpty();
    }

    /** The public web version of the issue. */
    public String archivePath() {
        return "/projects/" + projectSlug + "/newsletters/" + number;
    }
}
