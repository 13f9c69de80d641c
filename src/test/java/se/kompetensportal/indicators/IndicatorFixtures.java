package se.kompetensportal.indicators;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for indicators: a project of its own (tracks 1 and 2, target groups A and B, two actors: a municipality
 * and a non-profit organisation, a unit cost of 300 kr for every year), people and attendance written straight to the
 * tables, so that every count is the test's own.
 */
public class IndicatorFixtures {

    public final long project;
    public final String shortName;
    public final long track1;
    public final long track2;
    public final long groupA;
    public final long groupB;
    public final long municipality;
    public final String municipalityName;
    public final String town;
    public final long nonProfit;
    public final String nonProfitName;
    public final LocalDate start;
    public final LocalDate end;

    private final JdbcTemplate jdbc;

    public IndicatorFixtures(JdbcTemplate jdbc, LocalDate start, LocalDate end, Integer planned) {
        this.jdbc = jdbc;
        this.start = start;
        this.end = end;
        String tag = UUID.randomUUID().toString().substring(0, 6);
        shortName = "I" + tag;
        project = next("project_seq");
        jdbc.update("""
                insert into project (id, name, short_name, owner_organisation, start_date, end_date, planned_participants)
                values (?, ?, ?, 'Testägaren', ?, ?, ?)""", project, "Indikatorprojekt " + tag, shortName,
                Date.valueOf(start), Date.valueOf(end), planned);
        track1 = next("track_seq");
        jdbc.update("insert into track (id, project_id, position, name) values (?, ?, 1, ?)", track1, project, "Spår ett " + tag);
        track2 = next("track_seq");
        jdbc.update("insert into track (id, project_id, position, name) values (?, ?, 2, ?)", track2, project, "Spår två " + tag);
        groupA = next("target_group_seq");
        jdbc.update("insert into target_group (id, project_id, code, name) values (?, ?, 'A', 'Grupp A')", groupA, project);
        groupB = next("target_group_seq");
        jdbc.update("insert into target_group (id, project_id, code, name) values (?, ?, 'B', 'Grupp B')", groupB, project);
        town = "Testby" + tag;
        municipalityName = "Testkommun " + tag;
        municipality = organisation(municipalityName, "MUNICIPALITY", town);
        nonProfitName = "Testföreningen " + tag;
        nonProfit = organisation(nonProfitName, "NON_PROFIT", null);
        jdbc.update("insert into project_actor (project_id, organisation_id, role) values (?, ?, 'PARTNER')", project, municipality);
        jdbc.update("insert into project_actor (project_id, organisation_id, role) values (?, ?, 'PARTNER')", project, nonProfit);
        // Invited to send staff, not one of the plan's actors: expected to file no plan.
        jdbc.update("insert into project_actor (project_id, organisation_id, role) values (?, ?, 'INVITED')", project,
                organisation("Inbjuden myndighet " + tag, "STATE_AGENCY", null));
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            jdbc.update("insert into project_unit_cost (project_id, year, hourly_rate) values (?, ?, 300)", project, y);
        }
    }

    public long organisation(String name, String kind, String town) {
        long id = next("organisation_seq");
        jdbc.update("insert into organisation (id, name, kind, municipality) values (?, ?, ?, ?)", id, name, kind, town);
        return id;
    }

    /** A person employed by the organisation, or by an unregistered employer when {@code employer} is null. */
    public long person(String gender, Long employer) {
        long id = next("person_seq");
        jdbc.update("""
                insert into person (id, email, first_name, last_name, employer_organisation_id, employer_name, gender)
                values (?, ?, 'Test', 'Testsson', ?, ?, ?)""",
                id, "ind-" + UUID.randomUUID().toString().substring(0, 10) + "@example.se", employer,
                employer == null ? "Annan arbetsgivare AB" : null, gender);
        return id;
    }

    /** Pseudonymises a person as the register does: name and contact data go, gender and employer stay. */
    public void erase(long person) {
        jdbc.update("update person set first_name = '–', last_name = '–', email = 'erased-' || id || '@erased.invalid',"
                + " erased_at = now() where id = ?", person);
    }

    /** A sign-up of the person to the activity (in a target group, or none), confirmed. */
    public long signUp(long person, long activity, Long targetGroup) {
        long id = next("sign_up_seq");
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, target_group_id, manage_token,
                                     confirmed_at)
                values (?, ?, ?, ?, 'CONFIRMED', ?, ?, now())""",
                id, activity, project, person, targetGroup, UUID.randomUUID().toString().replace("-", ""));
        return id;
    }

    /** Attendance at the activity's n-th session (1-based) on a date, for some minutes. */
    public void attend(long signUp, int session, LocalDate date, int minutes) {
        attend(signUp, session, date, minutes, true);
    }

    /** Attendance at the activity's n-th session (1-based) on a date, for some minutes; attended or not. */
    public void attend(long signUp, int session, LocalDate date, int minutes, boolean attended) {
        long activity = jdbc.queryForObject("select activity_id from sign_up where id = ?", Long.class, signUp);
        long person = jdbc.queryForObject("select person_id from sign_up where id = ?", Long.class, signUp);
        List<Long> sessions = jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at",
                Long.class, activity);
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended)
                values (?, ?, ?, ?, ?, (select track_id from activity where id = ?), ?, ?, ?)""",
                sessions.get(session - 1), person, signUp, activity, project, activity, Date.valueOf(date), minutes, attended);
    }

    public void filePlan(long organisation) {
        jdbc.update("""
                insert into actor_plan (project_id, organisation_id, plan_text, filed_at, updated_at)
                values (?, ?, 'Vår plan', now(), now())""", project, organisation);
    }

    private long next(String sequence) {
        return jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
    }
}
