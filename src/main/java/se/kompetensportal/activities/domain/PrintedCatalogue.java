package se.kompetensportal.activities.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.web.PlainText;

/** The printed course catalogue (kurskatalog) of a project for a period: its published activities, by track. */
public record PrintedCatalogue(ProjectInfo project, LocalDate from, LocalDate to, List<Track> tracks,
        String catalogueUrl) {

    public boolean isEmpty() {
        return tracks.isEmpty();
    }

    public int activityCount() {
        return tracks.stream().mapToInt(t -> t.activities().size()).sum();
    }

    public record Track(String name, List<Entry> activities) {
    }

    /** One activity of the catalogue, with how to sign up: its web address and when registration closes. */
    public record Entry(long id, String title, ActivityKind kind, ActivityLevel level, String description,
            List<SessionInfo> sessions, BigDecimal totalHours, String place, boolean online, List<String> targetGroups,
            int seats, Instant registrationOpens, Instant registrationCloses, String url) {

        /** The description as safe HTML paragraphs and lists (see {@link PlainText}). */
        public String descriptionHtml() {
            return PlainText.toHtml(description);
        }
    }
}
