package se.kompetensportal.participants;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.activities.ActivityFixtures;

/** Test data for sign-ups: people written straight to the table, activities through {@link ActivityFixtures}. */
public class ParticipantFixtures {

    private final JdbcTemplate jdbc;
    private final ActivityFixtures activities;

    public ParticipantFixtures(JdbcTemplate jdbc, ActivityFixtures activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    public ActivityFixtures activities() {
        return activities;
    }

    /** A person without an account, employed by Kalmar kommun. */
    public long person(String firstName, Gender gender) {
        long id = jdbc.queryForObject("select nextval('person_seq')", Long.class);
        jdbc.update("""
                insert into person (id, email, first_name, last_name, employer_organisation_id, gender)
                values (?, ?, ?, 'Testsson', (select id from organisation where name = 'Kalmar kommun'), ?)""",
                id, "p-" + UUID.randomUUID().toString().substring(0, 10) + "@example.se", firstName, gender.name());
        return id;
    }

    /** A person linked to an existing user account (signed up through the portal). */
    public long personFor(String email, String firstName) {
        long userId = jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
        long id = jdbc.queryForObject("select nextval('person_seq')", Long.class);
        jdbc.update("""
                insert into person (id, user_id, email, first_name, last_name, employer_name, gender)
                values (?, ?, ?, ?, 'Testsson', 'Testföreningen', 'WOMAN')""", id, userId, email, firstName);
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SERIAL = new java.util.concurrent.atomic.AtomicInteger(
            new java.util.Random().nextInt(500));

    /** A well-formed personal identity number no other test uses (the register allows each number once). */
    public static String personalId() {
        int n = SERIAL.incrementAndGet();
        String date = String.format("19%02d%02d%02d", 50 + n % 45, 1 + (n / 45) % 12, 1 + (n / 540) % 28);
        String serial = String.format("%03d", (n * 7) % 1000);
        for (int check = 0; check < 10; check++) {
            if (se.kompetensportal.shared.validation.Luhn.isValid(date.substring(2) + serial + check)) {
                return date + "-" + serial + check;
            }
        }
        throw new IllegalStateException();
    }

    public String status(long signUpId) {
        return jdbc.queryForObject("select status from sign_up where id = ?", String.class, signUpId);
    }

    public int seatsTaken(long activityId) {
        return jdbc.queryForObject("select seats_taken from activity where id = ?", Integer.class, activityId);
    }

    public int count(long activityId, String status) {
        return jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and status = ?", Integer.class,
                activityId, status);
    }
}
