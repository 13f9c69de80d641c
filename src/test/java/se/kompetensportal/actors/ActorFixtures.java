package se.kompetensportal.actors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.TestUsers;

/**
 * Test data for the actor pages: an organisation of its own (an actor of a project), its contact person, people it
 * employs, and their sign-ups and attendance written straight to the tables with the dates and minutes a test needs.
 */
class ActorFixtures {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes();
    static final byte[] TEXT = "Det här är bara text, ingen PDF.\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    private final JdbcTemplate jdbc;
    private final ActivityFixtures activities;
    private final TestUsers users;

    ActorFixtures(JdbcTemplate jdbc, ActivityFixtures activities, TestUsers users) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.users = users;
    }

    ActivityFixtures activities() {
        return activities;
    }

    long iko() {
        return activities.ikoId();
    }

    /** A new organisation with a unique name, an actor (partner) of the project. */
    long organisation(String name, long projectId) {
        long id = jdbc.queryForObject("select nextval('organisation_seq')", Long.class);
        jdbc.update("insert into organisation (id, name, kind, municipality) values (?, ?, 'MUNICIPALITY', 'Kalmar')",
                id, name + " " + UUID.randomUUID().toString().substring(0, 6));
        jdbc.update("insert into project_actor (project_id, organisation_id, role) values (?, ?, 'PARTNER')",
                projectId, id);
        return id;
    }

    /** An organisation that is an actor of no project. */
    long organisationWithoutProject(String name) {
        long id = jdbc.queryForObject("select nextval('organisation_seq')", Long.class);
        jdbc.update("insert into organisation (id, name, kind) values (?, ?, 'NON_PROFIT')",
                id, name + " " + UUID.randomUUID().toString().substring(0, 6));
        return id;
    }

    String name(long organisationId) {
        return jdbc.queryForObject("select name from organisation where id = ?", String.class, organisationId);
    }

    /** A contact person (ACTOR_CONTACT) of the organisation; returns the e-mail address. */
    String contact(long organisationId) {
        return users.create(Set.of(Role.ACTOR_CONTACT), organisationId, Set.of());
    }

    /** A person employed by the organisation. */
    long person(String firstName, String lastName, long organisationId) {
        long id = jdbc.queryForObject("select nextval('person_seq')", Long.class);
        jdbc.update("""
                insert into person (id, email, first_name, last_name, employer_organisation_id, job_title, gender)
                values (?, ?, ?, ?, ?, 'Socialsekreterare', 'WOMAN')""",
                id, "a-" + UUID.randomUUID().toString().substring(0, 10) + "@example.se", firstName, lastName,
                organisationId);
        return id;
    }

    /** A completed activity of the project with the given number of sessions (in the past). */
    long pastActivity(String title, long projectId, int sessions) {
        return activities.activity(title + " " + System.nanoTime()).project(projectId).startInDays(-60)
                .sessions(sessions).status(ActivityStatus.COMPLETED).save();
    }

    List<Long> sessions(long activityId) {
        return jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at", Long.class,
                activityId);
    }

    /** A sign-up with the given status; returns its id. */
    long signUp(long activityId, long personId, String status) {
        long id = jdbc.queryForObject("select nextval('sign_up_seq')", Long.class);
        Long waiting = status.equals("WAITING") ? jdbc.queryForObject("select nextval('waiting_list_seq')", Long.class)
                : null;
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, waiting_since, manage_token)
                values (?, ?, (select project_id from activity where id = ?), ?, ?, ?, ?)""",
                id, activityId, activityId, personId, status, waiting,
                UUID.randomUUID().toString().replace("-", "") + "x");
        return id;
    }

    /** Attendance at one session, with the date and minutes the test needs. */
    void attendance(long sessionId, long signUpId, LocalDate date, int minutes, boolean attended) {
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended)
                select ?, s.person_id, s.id, s.activity_id, s.project_id, a.track_id, ?, ?, ?
                from sign_up s join activity a on a.id = s.activity_id where s.id = ?""",
                sessionId, date, minutes, attended, signUpId);
    }

    void erase(long personId) {
        jdbc.update("""
                update person set first_name = '–', last_name = '–', email = 'erased-' || id || '@erased.invalid',
                                  erased_at = now() where id = ?""", personId);
    }

    /** A minimal Word 2007+ package: a ZIP with [Content_Types].xml and word/document.xml. */
    static byte[] docx() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("[Content_Types].xml", "word/document.xml")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<x/>".getBytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
