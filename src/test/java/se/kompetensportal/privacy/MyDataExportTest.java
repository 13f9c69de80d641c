package se.kompetensportal.privacy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The own-data export holds what every module keeps about the person, each module's part through its
 * {@code PersonalDataExport}, and nothing about anyone else.
 */
class MyDataExportTest extends PortalIntegrationTest {

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

    @Test
    void theExportHoldsEveryModulesPartAndNothingAboutOthers() throws Exception {
        ParticipantFixtures fixtures = new ParticipantFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions));
        long project = users.projectId("IKO");
        String email = users.create(Set.of(Role.PARTICIPANT, Role.APPLICANT), null, Set.of());
        long userId = jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
        long person = fixtures.personFor(email, "Exporterad");
        long activity = fixtures.activities().activity("Export " + System.nanoTime()).save();
        seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true);
        jdbc.update("""
                insert into time_month (id, project_id, person_id, month, minutes, status)
                values (nextval('time_month_seq'), ?, ?, date '2001-02-01', 150, 'OPEN')""", project, person);
        jdbc.update("""
                insert into time_exit (id, project_id, person_id, exit_date, reason)
                values (nextval('time_exit_seq'), ?, ?, date '2001-03-15', 'NEW_JOB')""", project, person);
        jdbc.update("""
                insert into outbox_message (id, project_id, category, recipient, subject, body_text, status)
                values (nextval('outbox_message_seq'), ?, 'test', ?, 'Till dig', 'Brödtext', 'PENDING')""", project, email);
        jdbc.update("""
                insert into outbox_message (id, project_id, category, recipient, subject, body_text, status)
                values (nextval('outbox_message_seq'), ?, 'test', 'annan@example.se', 'Till annan', 'X', 'PENDING')""",
                project);
        jdbc.update("""
                insert into newsletter_subscriber (id, project_id, email, status, source, user_id, unsubscribe_token,
                    requested_at, consent_at) values (nextval('newsletter_subscriber_seq'), ?, ?, 'CONFIRMED', 'PROFILE',
                    ?, ?, now(), now())""", project, email, userId, "x" + System.nanoTime());
        long fund = jdbc.queryForObject("select min(id) from dialog_fund where project_id = ?", Long.class, project);
        jdbc.update("""
                insert into dialog_application (id, fund_id, owner_id, status, contact_name, contact_email, title)
                values (nextval('dialog_application_seq'), ?, ?, 'DRAFT', 'Exporterad Testsson', ?, 'Min ansökan')""",
                fund, userId, email);

        mvc.perform(get("/my/data/export.json").with(users.as(email))).andExpect(status().isOk())
                .andExpect(jsonPath("$.layout").value("kompetensportalen-my-data/1"))
                .andExpect(jsonPath("$.profile.firstName").value("Exporterad"))
                .andExpect(jsonPath("$.signUps", hasSize(1)))
                .andExpect(jsonPath("$.timeConfirmations", hasSize(1)))
                .andExpect(jsonPath("$.timeConfirmations[0].hours").value(2))
                .andExpect(jsonPath("$.timeConfirmations[0].month").value("2001-02"))
                .andExpect(jsonPath("$.projectExits", hasSize(1)))
                .andExpect(jsonPath("$.projectExits[0].date").value("2001-03-15"))
                .andExpect(jsonPath("$.projectExits[0].reason").value("NEW_JOB"))
                .andExpect(jsonPath("$.dialogFundApplications", hasSize(1)))
                .andExpect(jsonPath("$.dialogFundApplications[0].title").value("Min ansökan"))
                .andExpect(jsonPath("$.newsletterSubscriptions", hasSize(1)))
                .andExpect(jsonPath("$.newsletterSubscriptions[0].status").value("CONFIRMED"))
                .andExpect(jsonPath("$.mails[*].subject", hasItem("Till dig")))
                .andExpect(jsonPath("$.mails[*].subject", not(hasItem("Till annan"))))
                .andExpect(jsonPath("$.mails[*].to", everyItem(equalToIgnoringCase(email))));
        mvc.perform(get("/my/data/export.json").with(users.demo("sekreterare"))).andExpect(status().isForbidden());
    }
}
