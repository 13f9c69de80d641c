package se.kompetensportal.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.support.TestUsers;
import se.kompetensportal.surveys.domain.EvaluationService;

/**
 * Test data for evaluations: a completed activity (yesterday) with people whose attendance is recorded, written
 * straight to the participants' tables, and its evaluation created from IKO's default template.
 */
public class SurveyFixtures {

    private final JdbcTemplate jdbc;
    private final ParticipantFixtures participants;
    private final EvaluationService evaluations;

    public SurveyFixtures(JdbcTemplate jdbc, ParticipantFixtures participants, EvaluationService evaluations) {
        this.jdbc = jdbc;
        this.participants = participants;
        this.evaluations = evaluations;
    }

    public ActivityFixtures activities() {
        return participants.activities();
    }

    public record Course(long activityId, long evaluationId, List<Long> people) {
    }

    /** A completed IKO course of yesterday with {@code attended} people present, and its evaluation (a draft). */
    public Course course(String title, int attended) {
        long activity = participants.activities().activity(title + " " + System.nanoTime()).startInDays(-1)
                .status(ActivityStatus.COMPLETED).save();
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < attended; i++) {
            long person = participants.person("Svarande" + i, i % 2 == 0 ? Gender.WOMAN : Gender.MAN);
            attend(activity, person);
            people.add(person);
        }
        return new Course(activity, evaluations.createFor(activity), people);
    }

    public void attend(long activity, long person) {
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ? order by starts_at limit 1",
                Long.class, activity);
        long signUp = jdbc.queryForObject("select nextval('sign_up_seq')", Long.class);
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, manage_token, confirmed_at)
                select ?, a.id, a.project_id, ?, 'CONFIRMED', ?, now() from activity a where a.id = ?""",
                signUp, person, UUID.randomUUID().toString().replace("-", ""), activity);
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date, minutes, attended)
                select s.id, ?, ?, a.id, a.project_id, a.track_id, (s.starts_at at time zone 'Europe/Stockholm')::date, 420, true
                from activity_session s join activity a on a.id = s.activity_id where s.id = ?""",
                person, signUp, session);
    }

    public String email(long person) {
        return jdbc.queryForObject("select email from person where id = ?", String.class, person);
    }

    /** Runs the action as the given user (for services that check the signed-in user). */
    public static <T> T as(TestUsers users, String email, java.util.function.Supplier<T> action) {
        PortalUser user = users.principal(email);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
