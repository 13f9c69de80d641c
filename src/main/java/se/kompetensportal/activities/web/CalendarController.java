package se.kompetensportal.activities.web;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.kompetensportal.activities.domain.CalendarService;

/**
 * Calendar files: one activity ({@code /activities/42/calendar.ics}), and subscribable feeds of a project's and a
 * track's published activities ({@code /activities/calendar/project/7.ics}, {@code /activities/calendar/track/3.ics}).
 */
@Controller
class CalendarController {

    private static final MediaType CALENDAR = MediaType.parseMediaType(CalendarService.CONTENT_TYPE);

    private final CalendarService calendars;

    CalendarController(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GetMapping("/activities/{id:\\d+}/calendar.ics")
    ResponseEntity<byte[]> activity(@PathVariable long id) {
        return ics(calendars.publicActivity(id), "aktivitet-" + id + ".ics");
    }

    @GetMapping("/activities/calendar/project/{projectId:\\d+}.ics")
    ResponseEntity<byte[]> project(@PathVariable long projectId) {
        return ics(calendars.project(projectId), "projekt-" + projectId + ".ics");
    }

    @GetMapping("/activities/calendar/track/{trackId:\\d+}.ics")
    ResponseEntity<byte[]> track(@PathVariable long trackId) {
        return ics(calendars.track(trackId), "spar-" + trackId + ".ics");
    }

    private static ResponseEntity<byte[]> ics(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(15)).cachePublic())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
