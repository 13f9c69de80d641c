package se.kompetensportal.timereporting;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The secretary's time page: who has confirmed, disputed or not answered; corrections (recorded with who and why,
 * sent again, flagging SCB months) including one made while the participant is confirming; resending; the paper
 * route; and who may see which project's time.
 */
class ProjectTimePageTest extends PortalIntegrationTest {

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
        jobs.scheduledConfirmations();
    }

    @Test
    void theMonthsPageShowsEachPersonsHoursAndAnswer() throws Exception {
        mvc.perform(get("/admin/projects/" + f.iko + "/time?month=" + f.m1).with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Anna Testsson")))
                .andExpect(content().string(containsString("Skickad för bekräftelse")));
        LedgerMonth anna = ledger.month(f.iko, f.anna, f.m1).orElseThrow();
        mvc.perform(get("/admin/projects/" + f.iko + "/time/" + anna.id()).with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("9 hela timmar")))
                .andExpect(content().string(containsString("Skickad för bekräftelse")));
        mvc.perform(get("/admin/projects/" + f.iko + "/time?month=2026-13").with(users.demo("sekreterare")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aCorrectionAfterTheMonthWasConfirmedAndReportedReopensItAndFlagsThisAndLaterScbMonths() throws Exception {
        LedgerMonth month = ledger.month(f.iko, f.anna, f.m1).orElseThrow();
        mvc.perform(post("/time/confirm/" + token(f.anna, "9 hela timmar")).with(csrf())
                .param("version", Long.toString(month.version()))).andExpect(status().isFound());
        long secretary = users.principal("sekreterare@kompetensportal.example").id();
        ledger.markReportedToScb(f.iko, f.m1.minusMonths(1), secretary);
        ledger.markReportedToScb(f.iko, f.m1, secretary);
        ledger.markReportedToScb(f.iko, f.m2, secretary);
        LedgerMonth confirmed = ledger.month(month.id()).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(MonthStatus.CONFIRMED);

        // Without a reason, or with minutes outside the session: refused, with what was typed kept.
        mvc.perform(correction(confirmed, "210", "abc", " ")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"abc\"")))
                .andExpect(content().string(containsString("Ange hela minuter.")));
        mvc.perform(correction(confirmed, "400", "999", "Listan")).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange 0 till 210 minuter.")));

        mvc.perform(correction(confirmed, "400", "210", "Var där hela förmiddagen enligt den påskrivna listan."))
                .andExpect(status().isFound());
        LedgerMonth corrected = ledger.month(month.id()).orElseThrow();
        assertThat(corrected.status()).isEqualTo(MonthStatus.CORRECTED);
        assertThat(corrected.minutes()).isEqualTo(610);
        assertThat(corrected.wholeHours()).isEqualTo(10);
        LedgerEvent correction = ledger.history(month.id()).stream().filter(e -> e.kind() == LedgerEventKind.CORRECTED)
                .findFirst().orElseThrow();
        assertThat(correction.byUserId()).isEqualTo(secretary);
        assertThat(correction.comment()).contains("påskrivna listan");
        assertThat(correction.minutesBefore()).isEqualTo(550);
        assertThat(correction.minutesAfter()).isEqualTo(610);
        assertThat(ledger.history(month.id()).getLast().kind()).isEqualTo(LedgerEventKind.SENT);
        assertThat(mails(f.anna)).anyMatch(b -> b.contains("rättats") && b.contains("10 hela timmar"));
        assertThat(ledger.scbMonthsToResend(f.iko)).containsExactly(f.m1, f.m2);

        mvc.perform(get("/admin/projects/" + f.iko + "/time?month=" + f.m1).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("måste skickas igen")));
        // The old link cannot confirm the corrected month.
        mvc.perform(get("/time/confirm/" + token(f.anna, "9 hela timmar"))).andExpect(status().isGone());
        // The new one can.
        mvc.perform(post("/time/confirm/" + token(f.anna, "10 hela timmar")).with(csrf())
                .param("version", Long.toString(corrected.version()))).andExpect(status().isFound());
        assertThat(ledger.month(month.id()).orElseThrow().status()).isEqualTo(MonthStatus.CONFIRMED);
    }

    @Test
    void aCorrectionMadeWhileTheParticipantIsConfirmingIsNotConfirmedUnseen() throws Exception {
        LedgerMonth seen = ledger.month(f.iko, f.bo, f.m2).orElseThrow();
        String token = token(f.bo, "7 hela timmar");
        mvc.perform(get("/time/confirm/" + token)).andExpect(status().isOk());

        String form = "minutes[" + f.sessions.get(2) + "]";
        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + seen.id() + "/correct").with(users.demo("sekreterare"))
                        .with(csrf()).param("version", Long.toString(seen.version())).param(form, "300")
                        .param("reason", "Gick efter lunch."))
                .andExpect(status().isFound());

        mvc.perform(post("/time/confirm/" + token).with(csrf()).param("version", Long.toString(seen.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Tiden har ändrats medan du tittade")))
                .andExpect(content().string(containsString("5 hela timmar")));
        LedgerMonth now = ledger.month(seen.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(MonthStatus.CORRECTED);
        mvc.perform(post("/time/confirm/" + token(f.bo, "5 hela timmar")).with(csrf())
                .param("version", Long.toString(now.version()))).andExpect(status().isFound());
        assertThat(ledger.month(seen.id()).orElseThrow().status()).isEqualTo(MonthStatus.CONFIRMED);

        // And the other way round: the secretary's form of a month the participant answered meanwhile.
        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + seen.id() + "/correct").with(users.demo("sekreterare"))
                        .with(csrf()).param("version", Long.toString(now.version())).param(form, "420")
                        .param("reason", "Ändrade mig."))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Månaden har ändrats sedan sidan visades")))
                .andExpect(content().string(containsString("ndrade mig.</textarea>")));
        assertThat(ledger.month(seen.id()).orElseThrow().minutes()).isEqualTo(300);
    }

    @Test
    void aDisputedMonthIsSentAgainAndThePaperRouteConfirmsOnASignedSheet() throws Exception {
        LedgerMonth bo = ledger.month(f.iko, f.bo, f.m2).orElseThrow();
        mvc.perform(post("/time/confirm/" + token(f.bo, "7 hela timmar") + "/dispute").with(csrf())
                .param("version", Long.toString(bo.version())).param("comment", "Fel dag?")).andExpect(status().isFound());
        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + bo.id() + "/resend").with(users.demo("sekreterare"))
                .with(csrf())).andExpect(status().isFound());
        LedgerMonth resent = ledger.month(bo.id()).orElseThrow();
        assertThat(resent.status()).isEqualTo(MonthStatus.SENT);
        assertThat(ledger.history(bo.id()).getLast().kind()).isEqualTo(LedgerEventKind.RESENT);
        assertThat(mails(f.bo)).hasSize(2);

        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + bo.id() + "/paper").with(users.demo("sekreterare"))
                .with(csrf()).param("version", Long.toString(resent.version()))).andExpect(status().isFound());
        LedgerMonth paper = ledger.month(bo.id()).orElseThrow();
        assertThat(paper.paper()).isTrue();
        byte[] pdf = mvc.perform(get("/admin/projects/" + f.iko + "/time/" + bo.id() + "/paper.pdf")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Bekräftelse av närvarotid").contains("Bo Testsson")
                    .contains("7 hela timmar").contains("Deltagarens underskrift");
        }
        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + bo.id() + "/paper-received").with(users.demo("sekreterare"))
                .with(csrf()).param("version", Long.toString(paper.version()))).andExpect(status().isFound());
        LedgerMonth received = ledger.month(bo.id()).orElseThrow();
        assertThat(received.status()).isEqualTo(MonthStatus.CONFIRMED);
        assertThat(received.method()).isEqualTo(ConfirmationMethod.PAPER);
        assertThat(received.answeredBy()).isEqualTo(users.principal("sekreterare@kompetensportal.example").id());
        // The tick sent twice changes nothing.
        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + bo.id() + "/paper-received").with(users.demo("sekreterare"))
                .with(csrf()).param("version", Long.toString(paper.version()))).andExpect(status().isFound());
        assertThat(ledger.history(bo.id()).stream().filter(e -> e.kind() == LedgerEventKind.CONFIRMED)).hasSize(1);
    }

    @Test
    void someoneMailsCannotReachGetsTheMonthOnPaperAndNoMail() throws Exception {
        long dan = fixtures.person("Dan");
        jdbc.update("update person set email = ? where id = ?", "dan-" + System.nanoTime() + "@exempel.invalid", dan);
        long signUp = fixtures.signUp(f.course, dan);
        fixtures.attend(f.course, f.sessions.get(0), signUp, null);
        jobs.scheduledConfirmations();
        LedgerMonth month = ledger.month(f.iko, dan, f.m1).orElseThrow();
        assertThat(month.paper()).isTrue();
        assertThat(month.status()).isEqualTo(MonthStatus.OPEN);
        assertThat(mails(dan)).isEmpty();
        mvc.perform(get("/admin/projects/" + f.iko + "/time?month=" + f.m1).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Ingen e-post")));
    }

    @Test
    void onlyTheProjectsSecretariesAndAdministratorsSeeItsTime() throws Exception {
        long monthId = ledger.month(f.iko, f.anna, f.m1).orElseThrow().id();
        String page = "/admin/projects/" + f.iko + "/time";
        String detail = page + "/" + monthId;
        mvc.perform(get(detail).with(users.demo("admin"))).andExpect(status().isOk());
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        mvc.perform(get(page).with(users.as(lfiSecretary))).andExpect(status().isForbidden());
        mvc.perform(get(detail).with(users.as(lfiSecretary))).andExpect(status().isForbidden());
        // A month of IKO through LFI's address, where that secretary may look: not found.
        mvc.perform(get("/admin/projects/" + f.lfi + "/time/" + monthId).with(users.as(lfiSecretary)))
                .andExpect(status().isNotFound());
        mvc.perform(post(detail + "/resend").with(users.as(lfiSecretary)).with(csrf())).andExpect(status().isForbidden());
        for (String demo : new String[] {"deltagare", "kontakt", "styrgrupp", "sokande"}) {
            mvc.perform(get(page).with(users.demo(demo))).andExpect(status().isForbidden());
            mvc.perform(get(detail).with(users.demo(demo))).andExpect(status().isForbidden());
        }
        mvc.perform(get(page).with(users.as(f.trainerEmail))).andExpect(status().isForbidden());
        mvc.perform(get(page)).andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.RequestBuilder correction(LedgerMonth month, String s1, String s2,
            String reason) {
        return post("/admin/projects/" + f.iko + "/time/" + month.id() + "/correct").with(users.demo("sekreterare"))
                .with(csrf()).param("version", Long.toString(month.version()))
                .param("minutes[" + f.sessions.get(0) + "]", s1).param("minutes[" + f.sessions.get(1) + "]", s2)
                .param("reason", reason);
    }

    private List<String> mails(long person) {
        return jdbc.queryForList("""
                select m.body_text from outbox_message m where m.recipient = (select email from person where id = ?)
                  and m.category like 'timereporting.%' order by m.id""", String.class, person);
    }

    private String token(long person, String containing) {
        return mails(person).stream().filter(b -> b.contains(containing)).map(LINK::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).reduce((a, b) -> b).orElseThrow();
    }
}
