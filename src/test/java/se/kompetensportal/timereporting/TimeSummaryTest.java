package se.kompetensportal.timereporting;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.timereporting.domain.ActorTime;
import se.kompetensportal.timereporting.domain.TimeSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's summary (V20_1, {@link TimeSummary}) kept by the triggers on every kind of write equals the one a
 * rebuild computes from the ledger, and the figures read from it equal the ones counted over every ledger row: the
 * hand-computed fixture through the attendance events, then confirmations, a change of employer, minutes crossing a
 * whole hour, a merge (the month moves to another person) and deletion.
 */
class TimeSummaryTest extends PortalIntegrationTest {

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
    TimeSummary summary;
    @Autowired
    ActorTime actorTime;
    @Autowired
    CoFinancing coFinancing;

    TimeFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people, attendance, users);
    }

    @Test
    void theHandComputedFixtureKeptFromTheEventsEqualsTheRebuildAndTheCountedFigures() {
        HandComputedFixture f = new HandComputedFixture(fixtures, users, jdbc);
        provesEqual(f.iko, f.m2);
        provesEqual(f.lfi, f.m2);
        // Anna's 9 + 6 hours and Bo's 7, none confirmed yet, are among IKO's hours of their years.
        long fixtureHours = 9 + 6 + 7;
        assertThat(unconfirmed(f.iko, f.m1, f.m2)).isGreaterThanOrEqualTo(fixtureHours);

        long before = unconfirmed(f.iko, f.m1, f.m2);
        jdbc.update("update time_month set status = 'CONFIRMED', answered_at = now(), method = 'PAPER' "
                + "where project_id = ? and person_id = ? and month = ?", f.iko, f.anna, Date.valueOf(f.m1.atDay(1)));
        assertThat(unconfirmed(f.iko, f.m1, f.m2)).isEqualTo(before - 9);
        provesEqual(f.iko, f.m2);
    }

    @Test
    void everyKindOfWriteKeepsTheSummaryEqualToTheRebuild() {
        long project = users.projectId("LFI");
        long a = fixtures.person("Summa");
        long b = fixtures.person("Summb");
        Long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        Long other = jdbc.queryForObject("select min(id) from organisation where id <> ?", Long.class, kalmar);
        YearMonth m = YearMonth.of(2019, 3); // a year of its own: nothing else of the shared data falls in it
        insert(project, a, m, 130, kalmar);
        insert(project, a, m.plusMonths(1), 50, kalmar);
        insert(project, b, m.plusMonths(1), 200, null);
        provesEqual(project, m.plusMonths(11));
        assertThat(hours(project, m)).containsExactly(0L, 2L + 3L);
        assertThat(peopleOf(project, kalmar, m.plusMonths(11))).isEqualTo(1);

        jdbc.update("update time_month set status = 'CONFIRMED', answered_at = now(), method = 'LINK' "
                + "where project_id = ? and person_id = ?", project, a);
        provesEqual(project, m.plusMonths(11));
        assertThat(hours(project, m)).containsExactly(2L, 3L);

        // Minutes cross a whole hour: a's second month now counts; b changes employer; then b's month moves to a.
        jdbc.update("update time_month set minutes = 61 where project_id = ? and person_id = ? and month = ?",
                project, a, Date.valueOf(m.plusMonths(1).atDay(1)));
        jdbc.update("update time_month set employer_organisation_id = ? where project_id = ? and person_id = ?",
                other, project, b);
        provesEqual(project, m.plusMonths(11));
        assertThat(peopleOf(project, other, m.plusMonths(11))).isEqualTo(1);
        jdbc.update("delete from time_month where project_id = ? and person_id = ? and month = ?",
                project, a, Date.valueOf(m.plusMonths(1).atDay(1)));
        jdbc.update("update time_month set person_id = ?, employer_organisation_id = ? where project_id = ? "
                + "and person_id = ?", a, kalmar, project, b);
        provesEqual(project, m.plusMonths(11));
        assertThat(hours(project, m)).containsExactly(2L, 3L);
        assertThat(peopleOf(project, kalmar, m.plusMonths(11))).isEqualTo(1);
        assertThat(peopleOf(project, other, m.plusMonths(11))).isZero();

        jdbc.update("delete from time_month where project_id = ? and person_id = ?", project, a);
        provesEqual(project, m.plusMonths(11));
        assertThat(hours(project, m)).containsExactly(0L, 0L);

        // A summary that went wrong is found and put right by the rebuild.
        insert(project, a, m, 600, kalmar);
        jdbc.update("update time_summary set unconfirmed_hours = 1 where project_id = ? and month = ?", project,
                Date.valueOf(m.atDay(1)));
        assertThat(summary.rebuild(project)).isTrue();
        assertThat(hours(project, m)).containsExactly(0L, 10L);
        provesEqual(project, m.plusMonths(11));
    }

    /** The summary the triggers kept is what a rebuild computes, and its figures are the ones counted over the rows. */
    private void provesEqual(long project, YearMonth to) {
        List<TimeSummary.Row> kept = summary.rows(project);
        assertThat(summary.rebuild(project)).as("the rebuild finds nothing to change").isFalse();
        assertThat(summary.rows(project)).isEqualTo(kept);
        assertThat(actorTime.perActorToDate(project, to))
                .isEqualTo(actorTime.perActor(project, YearMonth.of(2000, 1), to));
        LocalDate from = LocalDate.of(2000, 1, 1);
        Map<Integer, List<Long>> counted = new HashMap<>();
        jdbc.query("""
                select extract(year from month)::int, coalesce(sum(minutes / 60) filter (where status = 'CONFIRMED'), 0),
                       coalesce(sum(minutes / 60) filter (where status <> 'CONFIRMED'), 0)
                from time_month where project_id = ? and month <= ? group by 1 having sum(minutes / 60) > 0""",
                rs -> {
                    counted.put(rs.getInt(1), List.of(rs.getLong(2), rs.getLong(3)));
                }, project, Date.valueOf(to.atDay(1)));
        Map<Integer, List<Long>> read = new HashMap<>();
        coFinancing.hoursByYear(project, from, to.atEndOfMonth())
                .forEach((y, h) -> read.put(y, List.of(h.confirmed(), h.unconfirmed())));
        assertThat(read).isEqualTo(counted);
    }

    private void insert(long project, long person, YearMonth month, int minutes, Long employer) {
        jdbc.update("""
                insert into time_month (id, project_id, person_id, month, minutes, employer_organisation_id,
                                        employer_recorded)
                values (nextval('time_month_seq'), ?, ?, ?, ?, ?, true)""", project, person,
                Date.valueOf(month.atDay(1)), minutes, employer);
    }

    /** {confirmed, unconfirmed} whole hours of the month's year. */
    private List<Long> hours(long project, YearMonth m) {
        CoFinancing.YearHours h = coFinancing.hoursByYear(project, m.atDay(1), m.atDay(1).withMonth(12))
                .get(m.getYear());
        return h == null ? List.of(0L, 0L) : List.of(h.confirmed(), h.unconfirmed());
    }

    private long unconfirmed(long project, YearMonth from, YearMonth to) {
        return coFinancing.hoursByYear(project, from.atDay(1), to.atEndOfMonth()).values().stream()
                .mapToLong(CoFinancing.YearHours::unconfirmed).sum();
    }

    private int peopleOf(long project, Long organisation, YearMonth to) {
        return actorTime.perActorToDate(project, to).stream()
                .filter(r -> organisation.equals(r.organisationId())).mapToInt(ActorTime.ActorRow::people).sum();
    }
}
