package se.kompetensportal.activities;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The calendar files are valid iCalendar: parsed back with ical4j and checked event by event. */
class CalendarTest extends PortalIntegrationTest {

    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ActivitiesApi api;

    ActivityFixtures fixtures;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(repository, projects, transactions);
        tag = "K" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void anActivitysCalendarHasOneEventPerSessionInSwedishTime() throws Exception {
        long id = fixtures.activity(tag + " Kalender åäö").sessions(3).description("Rad ett, med komma; och semikolon").save();
        Calendar calendar = parse(mvc.perform(get("/activities/" + id + "/calendar.ics"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/calendar")))
                .andReturn().getResponse().getContentAsString());

        assertThat(calendar.getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.getProperty(Property.PRODID)).isPresent();
        List<VTimeZone> zones = calendar.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(zones.getFirst().getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Europe/Stockholm");

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);
        LocalDate first = LocalDate.now(Formats.ZONE).plusDays(30);
        for (int i = 0; i < 3; i++) {
            VEvent event = events.get(i);
            assertThat(event.getSummary().getValue()).isEqualTo(tag + " Kalender åäö (" + (i + 1) + "/3)");
            assertThat(event.getDateTimeStart().<TzId>getParameter(Parameter.TZID).map(TzId::getValue)).contains("Europe/Stockholm");
            ZonedDateTime start = ZonedDateTime.from((Temporal) event.getDateTimeStart().getDate());
            assertThat(start.toInstant()).isEqualTo(ActivityFixtures.at(first.plusWeeks(i), LocalTime.of(9, 0)));
            ZonedDateTime end = ZonedDateTime.from((Temporal) event.getDateTimeEnd().getDate());
            assertThat(end.toInstant()).isEqualTo(ActivityFixtures.at(first.plusWeeks(i), LocalTime.of(16, 0)));
            assertThat(event.getLocation().getValue()).isEqualTo("Testlokalen, Storgatan 1, Kalmar");
            assertThat(event.getDescription().getValue()).startsWith("Rad ett, med komma; och semikolon")
                    .contains("http://localhost:8080/activities/" + id + "-");
            assertThat(event.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");
        }
        assertThat(events.stream().map(e -> e.getUid().orElseThrow().getValue()).distinct()).hasSize(3);
        assertThat(calendar.validate().getEntries()).as("validation of the calendar").filteredOn(e -> e.getSeverity() == net.fortuna.ical4j.validate.ValidationEntry.Severity.ERROR).isEmpty();
    }

    @Test
    void theProjectAndTrackFeedsListPublishedActivitiesAndMarkCancelledOnes() throws Exception {
        long iko = fixtures.ikoId();
        fixtures.activity(tag + " spår 3").track(3).save();
        fixtures.activity(tag + " spår 4").track(4).sessions(2).save();
        fixtures.activity(tag + " utkast").track(3).status(ActivityStatus.DRAFT).save();
        fixtures.activity(tag + " inställd").track(3).status(ActivityStatus.CANCELLED).save();

        List<VEvent> project = mine(parse(mvc.perform(get("/activities/calendar/project/" + iko + ".ics"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
        assertThat(project).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder(tag + " spår 3", tag + " spår 4 (1/2)", tag + " spår 4 (2/2)", tag + " inställd");
        assertThat(project).filteredOn(e -> e.getSummary().getValue().endsWith("inställd"))
                .allMatch(e -> e.getProperty(Property.STATUS).orElseThrow().getValue().equals("CANCELLED"));

        List<VEvent> track = mine(parse(mvc.perform(get("/activities/calendar/track/" + fixtures.trackId(iko, 3) + ".ics"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()));
        assertThat(track).extracting(e -> e.getSummary().getValue())
                .containsExactlyInAnyOrder(tag + " spår 3", tag + " inställd");

        mvc.perform(get("/activities/calendar/project/999999999.ics")).andExpect(status().isNotFound());
    }

    @Test
    void theApiGivesTheCalendarForConfirmationMails() throws Exception {
        long id = fixtures.activity(tag + " för e-post").online().save();
        List<VEvent> events = parse(new String(api.calendar(id), java.nio.charset.StandardCharsets.UTF_8)).getComponents("VEVENT");
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().getLocation().getValue()).isEqualTo("https://meet.example.se/test");
    }

    private List<VEvent> mine(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getSummary().getValue().startsWith(tag)).toList();
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }
}
