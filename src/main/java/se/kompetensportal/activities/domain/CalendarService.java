package se.kompetensportal.activities.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityScheduleChanged;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * iCalendar (RFC 5545) files of activities, made with ical4j: one event per session, in Swedish time (with the
 * Europe/Stockholm VTIMEZONE), with a stable UID per session and the activity's version as SEQUENCE so that calendar
 * programs update an event when the activity changes. The feeds of a project and a track list every activity that
 * has been published; a cancelled one stays in them as cancelled, so subscribers see it go. No iTIP METHOD is set:
 * the files are plain calendars to import or subscribe to (PUBLISH would oblige an ORGANIZER on every event).
 */
@Service
public class CalendarService {

    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    private static final Set<ActivityStatus> IN_FEEDS =
            EnumSet.of(ActivityStatus.PUBLISHED, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED);
    /**
     * Swedish time as a VTIMEZONE with the rules in force since 1996 (the EU's last Sunday of March and October).
     * Written out here because ical4j's bundled definition of Europe/Stockholm is the one of its tzdata alias
     * Europe/Berlin, whose TZID would not match the TZID=Europe/Stockholm of the events.
     */
    private static final String STOCKHOLM = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Kompetensportalen//Tidszon//SV
            BEGIN:VTIMEZONE
            TZID:Europe/Stockholm
            X-LIC-LOCATION:Europe/Stockholm
            BEGIN:DAYLIGHT
            TZNAME:CEST
            TZOFFSETFROM:+0100
            TZOFFSETTO:+0200
            DTSTART:19810329T020000
            RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
            END:DAYLIGHT
            BEGIN:STANDARD
            TZNAME:CET
            TZOFFSETFROM:+0200
            TZOFFSETTO:+0100
            DTSTART:19961027T030000
            RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
            END:STANDARD
            END:VTIMEZONE
            END:VCALENDAR
            """;
    /** Parsed when the first calendar is made, not at start-up (ical4j's set-up loads some 300 classes). */
    private static final class SwedishTime {
        static final VTimeZone ZONE = parseTimeZone();
    }

    private final ActivityRepository activities;
    private final ProjectsApi projects;
    private final PortalProperties portal;

    CalendarService(ActivityRepository activities, ProjectsApi projects, PortalProperties portal) {
        this.activities = activities;
        this.projects = projects;
        this.portal = portal;
    }

    /** The public calendar file of one activity (not of a draft). */
    @Transactional(readOnly = true)
    public byte[] publicActivity(long activityId) {
        Activity activity = activities.findWithSessions(activityId).filter(CatalogueService::isPublic)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        return render(activity.getTitle(), List.of(activity));
    }

    /** The calendar file of one activity, whatever its status (for mails, through the module's API). */
    @Transactional(readOnly = true)
    public byte[] anyActivity(long activityId) {
        Activity activity = activities.findWithSessions(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        return render(activity.getTitle(), List.of(activity));
    }

    /** The calendar file of an activity already read with its sessions (no database access). */
    public byte[] of(Activity activity) {
        return render(activity.getTitle(), List.of(activity));
    }

    /** As {@link #anyActivity(long)}, with removed sessions as cancelled events. */
    @Transactional(readOnly = true)
    public byte[] anyActivity(long activityId, List<ActivityScheduleChanged.RemovedSession> removed) {
        Activity activity = activities.findWithSessions(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        return render(activity.getTitle(), List.of(activity), removed);
    }

    @Transactional(readOnly = true)
    public byte[] project(long projectId) {
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        return render(project.shortName() + " – " + project.name(),
                published(activities.findByProjectWithSessions(projectId, IN_FEEDS)));
    }

    @Transactional(readOnly = true)
    public byte[] track(long trackId) {
        TrackInfo track = projects.track(trackId).orElseThrow(() -> new NotFoundException("Track", trackId));
        String project = projects.project(track.projectId()).map(ProjectInfo::shortName).orElse("");
        return render(project + " – " + track.name(), published(activities.findByTrackWithSessions(trackId, IN_FEEDS)));
    }

    private static List<Activity> published(List<Activity> list) {
        return list.stream().filter(CatalogueService::isPublic)
                .sorted(Comparator.comparing(Activity::getFirstStart).thenComparing(Activity::getId)).toList();
    }

    private byte[] render(String name, List<Activity> list) {
        return render(name, list, List.of());
    }

    private byte[] render(String name, List<Activity> list, List<ActivityScheduleChanged.RemovedSession> removed) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Kompetensportalen//Aktiviteter//SV"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", Formats.ZONE.getId()));
        calendar.add(SwedishTime.ZONE.copy());
        String host = URI.create(portal.baseUrl()).getHost();
        for (Activity activity : list) {
            List<ActivitySession> sessions = activity.getSessions();
            for (int i = 0; i < sessions.size(); i++) {
                ActivitySession s = sessions.get(i);
                String summary = activity.getTitle() + (sessions.size() > 1 ? " (" + (i + 1) + "/" + sessions.size() + ")" : "");
                VEvent event = new VEvent(ZonedDateTime.ofInstant(s.getStartsAt(), Formats.ZONE),
                        ZonedDateTime.ofInstant(s.getEndsAt(), Formats.ZONE), summary);
                event.add(new Uid(uid(activity.getId(), s.getId(), host)));
                event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, activity.getVersion())));
                event.add(activity.getStatus() == ActivityStatus.CANCELLED
                        ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
                String location = location(activity, s);
                if (location != null) {
                    event.add(new Location(location));
                }
                String link = portal.link(ActivityPaths.publicPath(activity.getId(), activity.getTitle()));
                event.add(new Url(URI.create(link)));
                event.add(new Description((activity.getDescription() == null ? "" : activity.getDescription() + "\n\n")
                        + link));
                calendar.add(event);
            }
        }
        for (ActivityScheduleChanged.RemovedSession r : removed) {
            Activity activity = list.getFirst();
            VEvent event = new VEvent(ZonedDateTime.ofInstant(r.startsAt(), Formats.ZONE),
                    ZonedDateTime.ofInstant(r.endsAt(), Formats.ZONE), activity.getTitle());
            event.add(new Uid(uid(activity.getId(), r.sessionId(), host)));
            event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, activity.getVersion())));
            event.add(ImmutableStatus.VEVENT_CANCELLED);
            calendar.add(event);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String uid(long activityId, long sessionId, String host) {
        return "activity-" + activityId + "-session-" + sessionId + "@" + host;
    }

    private static VTimeZone parseTimeZone() {
        try {
            return (VTimeZone) new CalendarBuilder().build(new StringReader(STOCKHOLM)).getComponent("VTIMEZONE").orElseThrow();
        } catch (IOException | ParserException e) {
            throw new IllegalStateException("Bad time zone definition", e);
        }
    }

    private static String location(Activity activity, ActivitySession session) {
        String venue = Activity.venueLine(activity.getVenueName(), activity.getVenueAddress(), activity.getVenueCity());
        String place = session.getPlace() != null && venue != null ? session.getPlace() + ", " + venue
                : session.getPlace() != null ? session.getPlace() : venue;
        if (session.getOnlineUrl() != null) {
            return place == null ? session.getOnlineUrl() : place + " / " + session.getOnlineUrl();
        }
        return place;
    }
}
