package se.kompetensportal.timereporting;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The participants' monthly confirmation: the job (run through its scheduled method) sends each month with whole
 * hours once, with a single-use link to a page that confirms or disputes; reminders; the same at /my/time; links that
 * are used, expired or unknown; a month that is sent cannot be changed on the attendance page.
 */
class TimeConfirmationTest extends PortalIntegrationTest {

    private static final Pattern LINK = Pattern.compile("/time/confirm/([A-Za-z0-9_-]{43})");

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
    AttendanceService attendance;
    @Autowired
    TimeLedgerApi ledger;
    @Autowired
    TimeJobs jobs;

    TimeFixtures fixtures;
    HandComputedFixture f;

    @BeforeEach
    void fixtures() {
        fixtures = new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people, attendance, users);
        f = new HandComputedFixture(fixtures, users, jdbc);
    }

    @Test
    void theJobSendsEachMonthWithHoursOnceWithItsSessionsAndWholeHours() {
        // A month with time but no whole hour: 40 minutes of a session.
        long carl = fixtures.person("Carl");
        long carlSignUp = fixtures.signUp(f.course, carl);
        fixtures.attend(f.course, f.sessions.get(1), carlSignUp, 40);

        jobs.scheduledConfirmations();

        assertThat(monthStatus(f.iko, f.anna, f.m1)).isEqualTo(MonthStatus.SENT);
        assertThat(monthStatus(f.iko, f.anna, f.m2)).isEqualTo(MonthStatus.SENT);
        assertThat(monthStatus(f.lfi, f.anna, f.m1)).isEqualTo(MonthStatus.SENT);
        assertThat(monthStatus(f.iko, f.bo, f.m2)).isEqualTo(MonthStatus.SENT);
        assertThat(monthStatus(f.iko, carl, f.m1)).as("a month without whole hours is not sent").isEqualTo(MonthStatus.OPEN);
        assertThat(mails(carl)).isEmpty();

        List<String> annas = mails(f.anna);
        assertThat(annas).hasSize(3);
        String m1 = annas.stream().filter(b -> b.contains("Grundkurs") && b.contains("9 hela timmar")).findFirst()
                .orElseThrow();
        assertThat(m1).contains(f.m1.atDay(10) + " Grundkurs").contains("6 h 40 min").contains("2 h 30 min")
                .contains("Summa: 9 hela timmar (9 h 10 min)");
        assertThat(annas).anyMatch(b -> b.contains("Samtalsmetoder") && b.contains("Summa: 2 hela timmar (2 h 50 min)"));
        assertThat(ledger.history(ledger.month(f.iko, f.anna, f.m1).orElseThrow().id()))
                .extracting(LedgerEvent::kind).containsExactly(LedgerEventKind.SENT);

        jobs.scheduledConfirmations();
        assertThat(mails(f.anna)).as("sent once").hasSize(3);
    }

    @Test
    void theLinkConfirmsTheMonthOnceAndAUsedLinkSaysHowToGetToTheMonth() throws Exception {
        jobs.scheduledConfirmations();
        String token = token(f.anna, "9 hela timmar");
        LedgerMonth month = ledger.month(f.iko, f.anna, f.m1).orElseThrow();

        mvc.perform(get("/time/confirm/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anna Testsson")))
                .andExpect(content().string(containsString("9 hela timmar")))
                .andExpect(content().string(containsString("av 7 h</span>")));
        mvc.perform(post("/time/confirm/" + token).with(csrf()).param("version", Long.toString(month.version())))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/time/answered"))
                .andExpect(flash().attribute("outcome", "CONFIRMED"));
        LedgerMonth confirmed = ledger.month(month.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(MonthStatus.CONFIRMED);
        assertThat(confirmed.method()).isEqualTo(ConfirmationMethod.LINK);
        assertThat(confirmed.answeredAt()).isNotNull();

        // The same form sent again from a second tab: nothing changes, and it says so.
        mvc.perform(post("/time/confirm/" + token).with(csrf()).param("version", Long.toString(month.version())))
                .andExpect(status().isFound()).andExpect(flash().attribute("outcome", "ALREADY_CONFIRMED"));
        assertThat(ledger.history(month.id())).extracting(LedgerEvent::kind)
                .containsExactly(LedgerEventKind.SENT, LedgerEventKind.CONFIRMED);

        mvc.perform(get("/time/confirm/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Månaden är redan besvarad")))
                .andExpect(content().string(containsString("Min tid")));
        mvc.perform(get("/time/confirm/" + "x".repeat(43))).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Länken fungerar inte")));

        // Confirmed months are fixed: the attendance page refuses to change them.
        mvc.perform(post("/admin/activities/" + f.course + "/sessions/" + f.sessions.get(0) + "/attendance/"
                        + f.annaCourseSignUp).with(users.demo("sekreterare")).with(csrf()).param("attended", "false"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("kan bara ändras genom en rättelse")));
        assertThat(ledger.month(month.id()).orElseThrow().minutes()).isEqualTo(550);
    }

    @Test
    void somethingIsWrongNeedsACommentAndTellsTheSecretaries() throws Exception {
        jobs.scheduledConfirmations();
        String token = token(f.bo, "7 hela timmar");
        LedgerMonth month = ledger.month(f.iko, f.bo, f.m2).orElseThrow();

        mvc.perform(post("/time/confirm/" + token + "/dispute").with(csrf()).param("version", Long.toString(month.version()))
                        .param("comment", "  "))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Skriv vad som inte stämmer.")));
        mvc.perform(post("/time/confirm/" + token + "/dispute").with(csrf()).param("version", Long.toString(month.version()))
                        .param("comment", "Jag var där den " + f.m1.atDay(24) + " också."))
                .andExpect(status().isFound()).andExpect(flash().attribute("outcome", "DISPUTED"));
        LedgerMonth disputed = ledger.month(month.id()).orElseThrow();
        assertThat(disputed.status()).isEqualTo(MonthStatus.DISPUTED);
        assertThat(disputed.disputeComment()).contains("också");
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_message where category = 'timereporting.disputed' and project_id = ?
                  and body_text like ?""", Integer.class, f.iko, "%Bo Testsson%")).isPositive();
    }

    @Test
    void anExpiredLinkSaysSoAndARemindersComesWithANewOne() throws Exception {
        jobs.scheduledConfirmations();
        String token = token(f.bo, "7 hela timmar");
        long monthId = ledger.month(f.iko, f.bo, f.m2).orElseThrow().id();
        jdbc.update("update time_link set expires_at = now() - interval '1 minute' where time_month_id = ?", monthId);
        mvc.perform(get("/time/confirm/" + token)).andExpect(status().isGone())
                .andExpect(content().string(containsString("Länken har gått ut")))
                .andExpect(content().string(containsString("Logga in med en engångslänk")));

        jdbc.update("update time_month set sent_at = now() - interval '6 days' where id = ?", monthId);
        jobs.scheduledConfirmations();
        assertThat(ledger.month(monthId).orElseThrow().remindersSent()).isOne();
        assertThat(mails(f.bo)).hasSize(2).anyMatch(b -> b.contains("påminnelse"));
        String fresh = tokens(f.bo).getLast();
        mvc.perform(get("/time/confirm/" + fresh)).andExpect(status().isOk());
        jobs.scheduledConfirmations();
        assertThat(ledger.month(monthId).orElseThrow().remindersSent()).as("not again before the interval").isOne();
    }

    @Test
    void theParticipantConfirmsSignedInAndNobodyElseCan() throws Exception {
        jobs.scheduledConfirmations();
        LedgerMonth month = ledger.month(f.lfi, f.anna, f.m1).orElseThrow();
        mvc.perform(get("/my/time").with(users.as(f.annaEmail))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Samtalsmetoder")))
                .andExpect(content().string(containsString("Bekräfta 2 hela timmar")));

        long[] other = new long[1];
        String someoneElse = fixtures.participantAccount("Olle", other);
        mvc.perform(post("/my/time/" + month.id() + "/confirm").with(users.as(someoneElse)).with(csrf())
                .param("version", Long.toString(month.version()))).andExpect(status().isNotFound());
        mvc.perform(get("/my/time").with(users.as(someoneElse)))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Samtalsmetoder"))));

        mvc.perform(post("/my/time/" + month.id() + "/confirm").with(users.as(f.annaEmail)).with(csrf())
                .param("version", Long.toString(month.version()))).andExpect(status().isFound());
        LedgerMonth confirmed = ledger.month(month.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(MonthStatus.CONFIRMED);
        assertThat(confirmed.method()).isEqualTo(ConfirmationMethod.SIGNED_IN);
        assertThat(confirmed.answeredBy()).isEqualTo(users.principal(f.annaEmail).id());
        // The link of that month is spent with the answer.
        String token = tokens(f.anna).stream().filter(t -> linkMonth(t) == month.id()).findFirst().orElseThrow();
        mvc.perform(get("/time/confirm/" + token)).andExpect(status().isGone());
    }

    @Test
    void onlyTheParticipantRoleReachesMinTid() throws Exception {
        for (String demo : new String[] {"sekreterare", "kontakt", "styrgrupp"}) {
            mvc.perform(get("/my/time").with(users.demo(demo))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/my/time").with(users.as(users.create(java.util.Set.of(Role.TRAINER), null,
                java.util.Set.of())))).andExpect(status().isForbidden());
        mvc.perform(get("/my/time")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/my/time").with(users.demo("deltagare"))).andExpect(status().isOk());
    }

    private MonthStatus monthStatus(long project, long person, java.time.YearMonth month) {
        return ledger.month(project, person, month).orElseThrow().status();
    }

    private List<String> mails(long person) {
        return jdbc.queryForList("""
                select m.body_text from outbox_message m where m.recipient = (select email from person where id = ?)
                  and m.category like 'timereporting.%' order by m.id""", String.class, person);
    }

    private List<String> tokens(long person) {
        return mails(person).stream().map(LINK::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
    }

    private String token(long person, String containing) {
        return mails(person).stream().filter(b -> b.contains(containing)).map(LINK::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow();
    }

    private long linkMonth(String token) {
        return jdbc.queryForObject("select time_month_id from time_link where token_hash = encode(sha256(?::bytea), 'hex')",
                Long.class, token);
    }
}
