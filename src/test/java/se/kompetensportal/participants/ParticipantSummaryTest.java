package se.kompetensportal.participants;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.participants.domain.AttendanceWriter;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attendance's per-person summary (V25_1, {@link ParticipantSummary}) kept by the triggers equals the one a rebuild
 * computes from the attendance, and every participant figure read from it equals the one counted over the attendance
 * rows (the queries the figures used before any summary; the track is the activity's), for whole years, single months,
 * periods inside one month and single days; after the demo data's writes and after attendance is unticked, deleted and
 * moved to another person (as a merge does), a sign-up's target group is changed and an activity moves to another
 * track. The writes are rolled back, so the shared data stays as it was.
 */
class ParticipantSummaryTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ParticipantSummary summary;
    @Autowired
    ParticipantStatistics statistics;
    @Autowired
    AttendanceWriter writer;

    @Test
    void theSummaryKeptByEveryKindOfWriteEqualsTheRebuildAndCountsWhatTheAttendanceRowsCount() {
        List<Long> projects = jdbc.queryForList("select distinct project_id from attendance where attended order by 1",
                Long.class);
        assertThat(projects).as("the demo data has attendance").isNotEmpty();
        transactions.executeWithoutResult(tx -> {
            for (long project : projects) {
                provesEqual(project);
            }
            long project = projects.getFirst();
            jdbc.update("update attendance set attended = not attended where project_id = ? and session_id % 3 = 0",
                    project);
            provesEqual(project);
            jdbc.update("delete from attendance where project_id = ? and session_id % 5 = 1", project);
            provesEqual(project);
            List<Long> people = jdbc.queryForList("select distinct person_id from attendance where project_id = ? "
                    + "and attended order by 1 limit 2", Long.class, project);
            assertThat(people).hasSize(2);
            jdbc.update("""
                    update attendance set person_id = ? where person_id = ? and project_id = ?
                    and session_id not in (select session_id from attendance where person_id = ?)""",
                    people.get(0), people.get(1), project, people.get(0));
            provesEqual(project);
            jdbc.update("update attendance set attended = true where project_id = ?", project);
            provesEqual(project);
            jdbc.update("""
                    update sign_up set target_group_id = (select min(id) from target_group where project_id = ?)
                    where project_id = ? and id % 2 = 0""", project, project);
            provesEqual(project);
            Long activity = jdbc.queryForObject("select min(activity_id) from attendance where project_id = ?",
                    Long.class, project);
            Long otherTrack = jdbc.queryForObject("""
                    select max(t.id) from track t where t.project_id = ?
                    and t.id <> (select track_id from activity where id = ?)""", Long.class, project, activity);
            assertThat(otherTrack).as("the project has a second track").isNotNull();
            jdbc.update("update activity set track_id = ? where id = ?", otherTrack, activity);
            assertThat(writer.moveToTrack(activity, otherTrack)).isPositive();
            provesEqual(project);

            // A summary that went wrong is found and put right by the rebuild.
            jdbc.update("delete from participant_days where project_id = ? and person_id = ?", project,
                    people.get(0));
            assertThat(summary.rebuild(project)).isTrue();
            provesEqual(project);
            jdbc.update("update participant_person set first_date = first_date - 1 where project_id = ? "
                    + "and person_id = ?", project, people.get(0));
            assertThat(summary.rebuild(project)).isTrue();
            provesEqual(project);
            tx.setRollbackOnly();
        });
    }

    private void provesEqual(long project) {
        List<ParticipantSummary.Row> kept = summary.rows(project);
        List<ParticipantSummary.Person> persons = summary.persons(project);
        assertThat(summary.rebuild(project)).as("the rebuild finds nothing to change").isFalse();
        assertThat(summary.rows(project)).isEqualTo(kept);
        assertThat(summary.persons(project)).isEqualTo(persons);
        List<LocalDate[]> periods = new ArrayList<>();
        periods.add(new LocalDate[] {LocalDate.of(2000, 1, 1), LocalDate.of(2100, 12, 31)});
        for (LocalDate day : jdbc.queryForList("select distinct session_date from attendance where project_id = ? "
                + "order by 1", LocalDate.class, project)) {
            YearMonth m = YearMonth.from(day);
            periods.add(new LocalDate[] {day, day});
            periods.add(new LocalDate[] {day.plusDays(1), day.plusDays(1)});
            periods.add(new LocalDate[] {day.minusDays(1), day.plusDays(1)});
            periods.add(new LocalDate[] {m.atDay(1), m.atEndOfMonth()});
            periods.add(new LocalDate[] {m.atDay(2), m.atEndOfMonth().minusDays(1)});
            periods.add(new LocalDate[] {day.plusDays(1), m.plusMonths(2).atDay(3)});
            periods.add(new LocalDate[] {LocalDate.of(day.getYear(), 1, 1), LocalDate.of(day.getYear(), 12, 31)});
        }
        for (LocalDate[] p : periods) {
            LocalDate from = p[0];
            LocalDate to = p[1];
            String what = project + " " + from + "–" + to;
            ParticipantStatistics.Overview o = statistics.overview(project, from, to);
            Map<String, Long> counted = counted("""
                    select count(distinct person_id) from attendance
                    where project_id = ? and attended and session_date between ? and ?""", project, from, to);
            assertThat(o.unique()).as(what).isEqualTo(counted.getOrDefault("", 0L));
            assertThat(statistics.uniqueParticipants(project, from, to)).as(what).isEqualTo(o.unique());
            assertThat(strings(o.byGender())).as(what).isEqualTo(counted("""
                    select 'WOMAN', 0 union all select 'MAN', 0 union all select 'OTHER', 0
                    union all select 'UNDISCLOSED', 0
                    union all select p.gender, count(*) from person p join (select distinct person_id from attendance
                      where project_id = ? and attended and session_date between ? and ?) a on a.person_id = p.id
                    group by p.gender""", project, from, to));
            assertThat(strings(statistics.byGender(project, from, to))).as(what).isEqualTo(strings(o.byGender()));
            assertThat(strings(o.byEmployer())).as(what).isEqualTo(counted("""
                    select coalesce(p.employer_organisation_id, 0), count(*) from person p
                    join (select distinct person_id from attendance
                          where project_id = ? and attended and session_date between ? and ?) a on a.person_id = p.id
                    group by 1""", project, from, to));
            assertThat(strings(statistics.byEmployer(project, from, to))).as(what).isEqualTo(strings(o.byEmployer()));
            Map<String, Long> months = counted("""
                    select to_char(date_trunc('month', first_date), 'YYYY-MM'), count(*) from (
                        select person_id, min(session_date) first_date from attendance
                        where project_id = ? and attended and session_date between ? and ?
                        group by person_id) f group by 1""", project, from, to);
            Map<String, Long> curve = new HashMap<>();
            o.newPerMonth().forEach(m -> curve.put(m.month().toString(), m.count()));
            assertThat(curve).as(what).isEqualTo(months);
            assertThat(statistics.newParticipantsPerMonth(project, from, to)).as(what).isEqualTo(o.newPerMonth());
            assertThat(strings(statistics.byTrackAndTargetGroup(project, from, to).byTargetGroup())).as(what).isEqualTo(counted("""
                    select coalesce(s.target_group_id, 0), count(distinct a.person_id)
                    from attendance a join sign_up s on s.id = a.sign_up_id
                    where a.project_id = ? and a.attended and a.session_date between ? and ?
                    group by 1""", project, from, to));
            assertThat(strings(statistics.byTrackAndTargetGroup(project, from, to).byTrack())).as(what).isEqualTo(counted("""
                    select x.track_id, count(distinct a.person_id) from attendance a join activity x on x.id = a.activity_id
                    where a.project_id = ? and a.attended and a.session_date between ? and ?
                    group by 1""", project, from, to));
        }
    }

    /** Label (the first column; "" when the query has one) to count, zero counts left out. */
    private Map<String, Long> counted(String sql, long project, LocalDate from, LocalDate to) {
        Map<String, Long> result = new HashMap<>();
        jdbc.query(sql, rs -> {
            boolean labelled = rs.getMetaData().getColumnCount() == 2;
            long n = rs.getLong(labelled ? 2 : 1);
            String label = labelled ? rs.getString(1) : "";
            result.merge(label, n, Long::sum);
        }, project, Date.valueOf(from), Date.valueOf(to));
        result.values().removeIf(n -> n == 0);
        return result;
    }

    private static Map<String, Long> strings(Map<?, Long> map) {
        Map<String, Long> result = new HashMap<>();
        map.forEach((k, v) -> {
            if (v != 0) {
                result.put(String.valueOf(k), v);
            }
        });
        return result;
    }
}
