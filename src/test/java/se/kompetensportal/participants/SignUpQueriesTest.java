package se.kompetensportal.participants;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A sign-up reads its activity once and passes it down (issue 14): the form post reads the activity with its sessions
 * in one statement, takes the activity's lock and decides the seat in one more (a seat taken adds the update), and
 * makes the confirmation's calendar file from the same read.
 */
class SignUpQueriesTest extends PortalIntegrationTest {

    /** The activity read with its sessions, as Hibernate writes it (not activity_session alone, not the lock). */
    private static final Pattern ACTIVITY_READ = Pattern.compile("from activity a\\d+_0 left join activity_session");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void aSignUpReadsItsActivityOnceWhetherItGetsASeatOrWaits() throws Exception {
        long activity = fixtures.activities().activity("En läsning " + System.nanoTime()).seats(1).save();
        List<String> seated = signUp(activity);
        assertThat(count(seated, ACTIVITY_READ)).isEqualTo(1);
        assertThat(count(seated, Pattern.compile("from activity where id = \\? for update"))).isEqualTo(1);
        assertThat(count(seated, Pattern.compile("update activity set seats_taken"))).isEqualTo(1);
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_attachment a join outbox_message m on m.id = a.message_id
                where m.category = 'participants.confirmed' and a.content_type like 'text/calendar%'
                  and convert_from(a.content, 'UTF8') like ?""", Integer.class, "%activity-" + activity + "-session-%"))
                .isEqualTo(1);

        List<String> waiting = signUp(activity);
        assertThat(count(waiting, ACTIVITY_READ)).isEqualTo(1);
        assertThat(count(waiting, Pattern.compile("from activity where id = \\? for update"))).isEqualTo(1);
        assertThat(count(waiting, Pattern.compile("update activity set seats_taken"))).isZero();
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(1);
    }

    private List<String> signUp(long activity) throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        return SqlStatements.during(() -> mvc.perform(post("/activities/" + activity + "/sign-up")
                        .with(users.as(email)).with(csrf()).param("firstName", "Enda").param("lastName", "Läsning")
                        .param("gender", "WOMAN").param("employerName", "Läsföreningen")
                        .param("personalId", ParticipantFixtures.personalId()))
                .andExpect(status().isFound()));
    }

    private static long count(List<String> statements, Pattern pattern) {
        return statements.stream().filter(s -> pattern.matcher(s).find()).count();
    }
}
