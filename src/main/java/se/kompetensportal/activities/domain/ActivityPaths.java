package se.kompetensportal.activities.domain;

import se.kompetensportal.shared.web.Slugs;

/** The public addresses of activities and their calendars. */
public final class ActivityPaths {

    private ActivityPaths() {
    }

    /**
     * The readable address of an activity's public page, such as {@code /activities/42-jamstalldhet-i-kulturmotet}.
     * Id and title share one path segment, so that {@code /activities/42/...} stays free for what belongs to the
     * activity (its calendar file, the sign-up).
     */
    public static String publicPath(long id, String title) {
        String slug = Slugs.of(title);
        return "/activities/" + id + (slug.isEmpty() ? "" : "-" + slug);
    }

    public static String calendarPath(long id) {
        return "/activities/" + id + "/calendar.ics";
    }

    public static String projectCalendarPath(long projectId) {
        return "/activities/calendar/project/" + projectId + ".ics";
    }

    public static String trackCalendarPath(long trackId) {
        return "/activities/calendar/track/" + trackId + ".ics";
    }
}
