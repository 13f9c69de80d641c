package se.kompetensportal.timereporting;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.support.TestUsers;

/**
 * Test data for time reporting: people, sign-ups and attendance recorded through the attendance service (so the
 * ledger follows through its events), as a signed-in user.
 */
public class TimeFixtures {

    private final JdbcTemplate jdbc;
    private final ParticipantFixtures participants;
    private final SignUpService seats;
    private final PersonRepository people;
    private final AttendanceService attendance;
    private final TestUsers users;

    public TimeFixtures(JdbcTemplate jdbc, ActivityRepository activityRepository, ProjectsApi projects,
            TransactionTemplate transactions, SignUpService seats, PersonRepository people, AttendanceService attendance,
            TestUsers users) {
        this.jdbc = jdbc;
        this.participants = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        this.seats = seats;
        this.people = people;
        this.attendance = attendance;
        this.users = users;
    }

    public ActivityFixtures activities() {
        return participants.activities();
    }

    public ParticipantFixtures participants() {
        return participants;
    }

    public long person(String firstName) {
        return participants.person(firstName, Gender.WOMAN);
    }

    /** A person linked to a new participant account; returns the account's e-mail address. */
    public String participantAccount(String firstName, long[] personId) {
        String email = users.create(java.util.Set.of(se.kompetensportal.shared.security.Role.PARTICIPANT), null,
                java.util.Set.of());
        personId[0] = participants.personFor(email, firstName);
        return email;
    }

    public long signUp(long activityId, long personId) {
        return seats.signUp(activityId, people.findById(personId).orElseThrow(), null, null, true).signUpId();
    }

    public List<Long> sessions(long activityId) {
        return jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at", Long.class,
                activityId);
    }

    /** Marks the sign-up present at the session (for {@code minutes}, or the whole session) as the secretary. */
    public void attend(long activityId, long sessionId, long signUpId, Integer minutes) {
        as("sekreterare" + TestUsers.DEMO_DOMAIN, () -> attendance.mark(CurrentUser.require(), activityId, sessionId, signUpId, true, minutes));
    }

    public void absent(long activityId, long sessionId, long signUpId) {
        as("sekreterare" + TestUsers.DEMO_DOMAIN, () -> attendance.mark(CurrentUser.require(), activityId, sessionId, signUpId, false, null));
    }

    /** Runs the code signed in as the user (the services check the current user). */
    public <T> T as(String email, Supplier<T> work) {
        PortalUser user = users.principal(email);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
