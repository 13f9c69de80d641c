package se.kompetensportal.timereporting;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly time ledger, proved on the hand-computed fixture: minutes per person, project and month from partial
 * attendance, whole hours of each month's total, sessions of one activity in two months, one person in two projects,
 * staff left out; and a rebuild from the attendance rows gives the ledger the events gave.
 */
class TimeLedgerTest extends PortalIntegrationTest {

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

    TimeFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people, attendance, users);
    }

    @Test
    void theLedgerHoldsEachMonthsMinutesAndItsTotalInWholeHoursPerProject() {
        HandComputedFixture f = new HandComputedFixture(fixtures, users, jdbc);

        LedgerMonth annaM1 = ledger.month(f.iko, f.anna, f.m1).orElseThrow();
        assertThat(annaM1.minutes()).isEqualTo(550);
        assertThat(annaM1.wholeHours()).isEqualTo(9);
        assertThat(annaM1.status()).isEqualTo(MonthStatus.OPEN);
        assertThat(ledger.lines(annaM1.id())).containsExactly(
                new LedgerLine(f.sessions.get(0), f.course, f.m1.atDay(10), 400, 420),
                new LedgerLine(f.sessions.get(1), f.course, f.m1.atDay(24), 150, 210));
        assertThat(ledger.lines(annaM1.id())).allMatch(LedgerLine::partial);

        LedgerMonth annaM2 = ledger.month(f.iko, f.anna, f.m2).orElseThrow();
        assertThat(annaM2.minutes()).isEqualTo(390);
        assertThat(annaM2.wholeHours()).isEqualTo(6);

        assertThat(ledger.month(f.iko, f.bo, f.m1)).isEmpty();
        assertThat(ledger.month(f.iko, f.bo, f.m2).orElseThrow().wholeHours()).isEqualTo(7);
        assertThat(ledger.lines(ledger.month(f.iko, f.bo, f.m2).orElseThrow().id()))
                .containsExactly(new LedgerLine(f.sessions.get(2), f.course, f.m2.atDay(7), 420, 420));

        LedgerMonth annaLfi = ledger.month(f.lfi, f.anna, f.m1).orElseThrow();
        assertThat(annaLfi.minutes()).isEqualTo(170);
        assertThat(annaLfi.wholeHours()).isEqualTo(2);
        assertThat(ledger.monthsOfPerson(f.anna)).extracting(LedgerMonth::projectId, LedgerMonth::month)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(f.iko, f.m1), org.assertj.core.groups.Tuple.tuple(f.iko, f.m2),
                        org.assertj.core.groups.Tuple.tuple(f.lfi, f.m1));

        assertThat(ledger.monthsOfPerson(f.staff)).as("project staff are never participants").isEmpty();
        assertThat(ledger.monthsOfPerson(f.trainer)).as("the course's trainer is not its participant").isEmpty();
    }

    @Test
    void changingAnOpenMonthsAttendanceFollowsAndRemovingAllOfItRemovesTheMonth() {
        HandComputedFixture f = new HandComputedFixture(fixtures, users, jdbc);
        fixtures.attend(f.course, f.sessions.get(1), f.annaCourseSignUp, 210);
        assertThat(ledger.month(f.iko, f.anna, f.m1).orElseThrow().minutes()).isEqualTo(400 + 210);

        fixtures.absent(f.course, f.sessions.get(2), f.boCourseSignUp);
        assertThat(ledger.month(f.iko, f.bo, f.m2)).isEmpty();
    }

    @Test
    void aRebuildFromTheAttendanceRowsGivesTheLedgerTheEventsGave() {
        HandComputedFixture f = new HandComputedFixture(fixtures, users, jdbc);
        List<Long> persons = List.of(f.anna, f.bo, f.staff, f.trainer);
        Map<String, Object> fromEvents = snapshot(persons);
        assertThat(fromEvents).hasSize(4);

        ledger.rebuild(f.iko);
        ledger.rebuild(f.lfi);
        assertThat(snapshot(persons)).isEqualTo(fromEvents);

        // A ledger that lost its rows, and one whose minutes and lines went wrong, are rebuilt to the same state.
        jdbc.update("delete from time_month where person_id = ? and project_id = ?", f.bo, f.iko);
        long annaM1 = ledger.month(f.iko, f.anna, f.m1).orElseThrow().id();
        jdbc.update("update time_month set minutes = 1 where id = ?", annaM1);
        jdbc.update("delete from time_line where time_month_id = ? and session_id = ?", annaM1, f.sessions.get(1));
        jdbc.update("""
                insert into time_month (id, project_id, person_id, month, minutes)
                values (nextval('time_month_seq'), ?, ?, ?, 999)""", f.iko, f.staff, java.sql.Date.valueOf(f.m1.atDay(1)));
        assertThat(snapshot(persons)).isNotEqualTo(fromEvents);

        assertThat(ledger.rebuildAll()).isGreaterThanOrEqualTo(3);
        assertThat(snapshot(persons)).isEqualTo(fromEvents);
        assertThat(ledger.rebuild(f.iko)).as("a second rebuild finds nothing to change").isZero();
    }

    /**
     * Every ledger month of the people with its minutes, status, lines and recorded employer, keyed by project, person
     * and month.
     */
    private Map<String, Object> snapshot(List<Long> persons) {
        return persons.stream().flatMap(p -> ledger.monthsOfPerson(p).stream())
                .collect(Collectors.toMap(m -> m.projectId() + "/" + m.personId() + "/" + m.month(),
                        m -> List.of(m.minutes(), m.wholeHours(), m.status(), ledger.lines(m.id()), employer(m.id()))));
    }

    private String employer(long monthId) {
        return jdbc.queryForObject("select employer_recorded || '/' || coalesce(employer_organisation_id::text, '-')"
                + " from time_month where id = ?", String.class, monthId);
    }
}
