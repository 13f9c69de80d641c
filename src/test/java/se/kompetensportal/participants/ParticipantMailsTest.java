package se.kompetensportal.participants;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.notifications.domain.OutboxSender;
import se.kompetensportal.participants.domain.ParticipantJobs;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestClock;
import se.kompetensportal.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The mails participants get, received by an SMTP server (GreenMail): content, calendar file, links that work. */
class ParticipantMailsTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    OutboxSender sender;
    @Autowired
    ParticipantJobs jobs;
    @Autowired
    TestClock clock;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void theConfirmationCarriesTheCalendarAndALinkThatOpensTheSignUp() throws Exception {
        long activity = fixtures.activities().activity("Mejlkurs " + System.nanoTime()).sessions(2).save();
        long person = fixtures.person("Mejla", Gender.WOMAN);
        String email = jdbc.queryForObject("select email from person where id = ?", String.class, person);
        seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true);
        sender.scheduledRun();

        MimeMessage mail = receivedBy(email).getFirst();
        assertThat(mail.getSubject()).startsWith("Bekräftelse: Mejlkurs");
        List<BodyPart> parts = flatten((Multipart) mail.getContent());
        BodyPart ics = parts.stream().filter(p -> safeName(p).endsWith(".ics")).findFirst().orElseThrow();
        String calendar = new String(ics.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(calendar).contains("BEGIN:VCALENDAR").contains("Mejlkurs").contains("Europe/Stockholm");
        assertThat(calendar.split("BEGIN:VEVENT", -1)).hasSize(3);

        String text = parts.stream().map(ParticipantMailsTest::text).reduce("", String::concat);
        Matcher link = Pattern.compile("http://localhost:8080(/sign-ups/[A-Za-z0-9_-]+)").matcher(text);
        assertThat(link.find()).isTrue();
        mvc.perform(get(link.group(1))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mejlkurs")));
    }

    @Test
    void theHourlyJobRemindsThoseWithASeatOnceWhenTheStartIsTwoDaysAway() {
        long later = fixtures.activities().activity("Snart " + System.nanoTime()).startInDays(10).seats(1).save();
        long seated = fixtures.person("Påmind", Gender.MAN);
        long waiting = fixtures.person("Väntar", Gender.MAN);
        seats.signUp(later, people.findById(seated).orElseThrow(), null, null, true);
        seats.signUp(later, people.findById(waiting).orElseThrow(), null, null, true);

        jobs.scheduledReminders();
        assertThat(reminders(seated)).as("ten days before the start").isZero();

        clock.advance(Duration.ofDays(9));
        jobs.scheduledReminders();
        jobs.scheduledReminders();
        assertThat(reminders(seated)).as("a day before the start, however often the job runs").isEqualTo(1);
        assertThat(reminders(waiting)).as("no seat, no reminder").isZero();
        assertThat(jdbc.queryForObject("""
                select body_text from outbox_message where category = 'participants.reminder'
                and recipient = (select email from person where id = ?)""", String.class, seated)).contains("Snart");
    }

    private int reminders(long person) {
        return jdbc.queryForObject("""
                select count(*) from outbox_message where category = 'participants.reminder'
                and recipient = (select email from person where id = ?)""", Integer.class, person);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static List<MimeMessage> receivedBy(String to) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> Arrays.stream(TestMail.server().getReceivedMessages()).anyMatch(m -> recipient(m).equals(to)));
        return Arrays.stream(TestMail.server().getReceivedMessages()).filter(m -> recipient(m).equals(to)).toList();
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    private static List<BodyPart> flatten(Multipart multipart) throws Exception {
        List<BodyPart> parts = new java.util.ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(flatten(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String safeName(BodyPart part) {
        try {
            return part.getFileName() == null ? "" : part.getFileName();
        } catch (Exception e) {
            return "";
        }
    }

    private static String text(BodyPart part) {
        try {
            return part.getContent() instanceof String s ? s : "";
        } catch (Exception e) {
            return "";
        }
    }
}
