package se.kompetensportal.timereporting;

import java.util.List;
import java.util.Set;

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
import se.kompetensportal.timereporting.domain.ActorTime;
import se.kompetensportal.timereporting.domain.CoFinancingSummaries;
import se.kompetensportal.timereporting.domain.LedgerRebuild;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Co-financing per actor: the pledge form (422 for bad input, 409 for a stale version), confirmed hours only (Bo's 7
 * hours count for Kalmar kommun once confirmed), the dashboard's and the actor's pages, the monthly summary mail to the
 * actor's contact person (once however often the job runs), and who may see what.
 */
class CoFinancingTest extends PortalIntegrationTest {

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
    @Autowired
    CoFinancing coFinancing;
    @Autowired
    CoFinancingSummaries summaries;
    @Autowired
    ActorTime actorTime;
    @Autowired
    LedgerRebuild rebuild;

    HandComputedFixture f;
    long kalmar;

    @BeforeEach
    void fixtures() {
        f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users), users, jdbc);
        jobs.scheduledConfirmations();
        kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
    }

    @Test
    void thePledgeFormRefusesBadInputAndAStaleVersion() throws Exception {
        String form = "/admin/projects/" + f.iko + "/time/co-financing/" + kalmar;
        mvc.perform(get(form).with(users.demo("sekreterare"))).andExpect(status().isOk());
        long version = version();
        mvc.perform(post(form).with(csrf()).with(users.demo("sekreterare")).param("hours", "-5")
                .param("version", Long.toString(version))).andExpect(status().isUnprocessableContent());
        mvc.perform(post(form).with(csrf()).with(users.demo("sekreterare")).param("hours", "många")
                .param("version", Long.toString(version))).andExpect(status().isUnprocessableContent());
        mvc.perform(post(form).with(csrf()).with(users.demo("sekreterare")).param("amount", "1,555")
                .param("version", Long.toString(version))).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("högst två decimaler")));
        mvc.perform(post(form).with(csrf()).with(users.demo("sekreterare")).param("hours", "2000")
                .param("amount", "600000,50").param("version", Long.toString(version))).andExpect(status().isFound());
        mvc.perform(post(form).with(csrf()).with(users.demo("sekreterare")).param("hours", "10")
                .param("version", Long.toString(version))).andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan ändrade")));
        assertThat(coFinancing.ofActor(f.iko, kalmar, f.m2.atEndOfMonth()).orElseThrow().pledgedHours()).isEqualTo(2000);
    }

    @Test
    void onlyConfirmedHoursCountAndShowOnTheDashboardAndTheActorsPage() throws Exception {
        CoFinancing.ActorCoFinancing before = coFinancing.ofActor(f.iko, kalmar, f.m2.atEndOfMonth()).orElseThrow();
        LedgerMonth bo = ledger.month(f.iko, f.bo, f.m2).orElseThrow();
        jdbc.update("update time_month set status = 'CONFIRMED', answered_at = now(), method = 'PAPER' where id = ?", bo.id());
        CoFinancing.ActorCoFinancing after = coFinancing.ofActor(f.iko, kalmar, f.m2.atEndOfMonth()).orElseThrow();
        assertThat(after.confirmedHours() - before.confirmedHours()).isEqualTo(7);
        assertThat(before.unconfirmedHours() - after.unconfirmedHours()).isEqualTo(7);

        mvc.perform(get("/dashboard/projects/" + f.iko).with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Medfinansiering genom deltagartid per aktör")))
                .andExpect(content().string(containsString("Kalmar kommun")));
        mvc.perform(get("/my-organisation/projects/" + f.iko + "/time").with(users.demo("kontakt")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Medfinansiering genom deltagartid per aktör")));
    }

    @Test
    void theActorsContactPersonGetsOneMonthlySummary() {
        summaries.scheduledSummaries();
        summaries.scheduledSummaries();
        List<String> mails = jdbc.queryForList("""
                select body_text from outbox_message where recipient = 'kontakt@kompetensportal.example'
                  and category = 'timereporting.cofinancing' and project_id = ?""", String.class, f.iko);
        assertThat(mails).hasSize(1);
        assertThat(mails.getFirst()).contains("Kalmar kommun", "Bekräftade hela timmar", "/my-organisation/projects/"
                + f.iko + "/time");
    }

    @Test
    void onlyTheProjectsSecretariesAndAdministratorsManagePledges() throws Exception {
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        for (String route : List.of("/admin/projects/" + f.iko + "/time/co-financing",
                "/admin/projects/" + f.iko + "/time/co-financing/" + kalmar)) {
            mvc.perform(get(route).with(users.demo("admin"))).andExpect(status().isOk());
            mvc.perform(get(route).with(users.as(lfiSecretary))).andExpect(status().isForbidden());
            for (String demo : List.of("styrgrupp", "kontakt", "deltagare", "utbildare", "sokande")) {
                mvc.perform(get(route).with(users.demo(demo))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(post("/admin/projects/" + f.iko + "/time/co-financing/" + kalmar).with(csrf())
                .with(users.demo("kontakt")).param("hours", "1").param("version", "0")).andExpect(status().isForbidden());
        // An organisation that is no actor of the project has no pledge there.
        long lfiOnly = jdbc.queryForObject("""
                select min(id) from organisation o where not exists
                  (select 1 from project_actor a where a.organisation_id = o.id and a.project_id = ?)""", Long.class, f.iko);
        mvc.perform(get("/admin/projects/" + f.iko + "/time/co-financing/" + lfiOnly).with(users.demo("sekreterare")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theActorIsTheEmployerWhenTheMonthWasRecordedAndTheRebuildFillsInOldMonths() {
        java.time.YearMonth from = java.time.YearMonth.of(2000, 1);
        // Tests sharing the context write attendance straight into the table (no ledger events): the ledger starts
        // from what the attendance says, so the rebuilds below show only what Bo's move does.
        ledger.rebuild(f.iko);
        assertThat(employersOfBo()).containsOnly(kalmar);
        List<ActorTime.ActorRow> before = actorTime.perActor(f.iko, from, f.m2);
        assertThat(before).anyMatch(r -> Long.valueOf(kalmar).equals(r.organisationId()) && r.people() > 0);

        // Bo moves to another organisation: the months already recorded stay Kalmar kommun's co-financing.
        long other = jdbc.queryForObject("""
                select pa.organisation_id from project_actor pa join organisation o on o.id = pa.organisation_id
                where pa.project_id = ? and o.id <> ? order by o.id limit 1""", Long.class, f.iko, kalmar);
        jdbc.update("update person set employer_organisation_id = ? where id = ?", other, f.bo);
        try {
            movedBo(from, before, other);
        } finally {
            // Other tests' contact people of that organisation must not see this Bo (the context is shared).
            jdbc.update("update person set employer_organisation_id = ? where id = ?", kalmar, f.bo);
            jdbc.update("update time_month set employer_organisation_id = ? where person_id = ?", kalmar, f.bo);
        }
    }

    private void movedBo(java.time.YearMonth from, List<ActorTime.ActorRow> before, long other) {
        assertThat(actorTime.perActor(f.iko, from, f.m2)).isEqualTo(before);
        assertThat(ledger.rebuild(f.iko)).as("a rebuild keeps the recorded employer").isZero();
        assertThat(employersOfBo()).containsOnly(kalmar);

        // Months from before the ledger kept the employer get the employer at the rebuild, which changes nothing else.
        jdbc.update("update time_month set employer_organisation_id = null, employer_recorded = false where person_id = ?",
                f.bo);
        assertThat(ledger.rebuild(f.iko)).isZero();
        assertThat(employersOfBo()).containsOnly(other);
        // The same once at startup (a database migrated to V14_5 before its first rebuild).
        jdbc.update("update time_month set employer_organisation_id = null, employer_recorded = false where person_id = ?",
                f.bo);
        rebuild.recordMissingEmployers();
        assertThat(employersOfBo()).containsOnly(other);
        assertThat(jdbc.queryForObject("select count(*) from time_month where person_id = ? and not employer_recorded",
                Integer.class, f.bo)).isZero();
    }

    private List<Long> employersOfBo() {
        return jdbc.queryForList("select employer_organisation_id from time_month where person_id = ? and project_id = ?",
                Long.class, f.bo, f.iko);
    }

    private long version() {
        List<Long> v = jdbc.queryForList("select version from time_pledge where project_id = ? and organisation_id = ?",
                Long.class, f.iko, kalmar);
        return v.isEmpty() ? 0 : v.getFirst();
    }
}
