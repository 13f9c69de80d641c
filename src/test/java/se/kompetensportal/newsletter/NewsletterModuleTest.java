package se.kompetensportal.newsletter;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.indicators.NewsletterFigures;
import se.kompetensportal.knowledge.KnowledgeApi;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.PublicProjects;
import se.kompetensportal.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newsletter module alone (with the shared kernel): its listener of the activities module's
 * {@link ActivityCancelled} takes the activity out of every draft issue, and leaves sent issues as they were. The
 * other modules' APIs it uses elsewhere are stand-ins (this small context is the module's own, not the portal's shared
 * one, so they fork nothing); its database is the module tests' shared one ({@link ModuleTestDatabase}).
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class NewsletterModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry);
    }

    @MockitoBean
    AccountsApi accounts;
    @MockitoBean
    ActivityListings listings;
    @MockitoBean
    KnowledgeApi knowledge;
    @MockitoBean
    Outbox outbox;
    @MockitoBean
    ProjectsApi projects;
    @MockitoBean
    PublicProjects publicProjects;
    @MockitoBean
    NewsletterFigures figures;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCancelledActivityLeavesEveryDraftButNotASentIssue(Scenario scenario) {
        jdbc.update("""
                insert into project (id, name, short_name, owner_organisation, start_date, end_date, slug)
                values (910001, 'Modulprojekt', 'MOD', 'Ägare', date '2026-01-01', date '2027-12-31', 'modulprojekt-nyhetsbrev')""");
        long draft = issue(1, "DRAFT");
        long sent = issue(2, "SENT");
        item(draft, 910042);
        item(draft, 910043);
        item(sent, 910042);

        scenario.publish(new ActivityCancelled(910042, 910001, "Inställd"))
                .andWaitForStateChange(() -> items(910042), left -> left == 1)
                .andVerify(left -> assertThat(left).isEqualTo(1));
        assertThat(items(910043)).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                "select count(*) from newsletter_item where issue_id = ?", Integer.class, sent)).isEqualTo(1);
    }

    private long issue(int number, String status) {
        long id = 910010 + number;
        jdbc.update("""
                insert into newsletter_issue (id, project_id, number, subject, status, window_from, window_to, sent_at)
                values (?, 910001, ?, 'Nummer', ?, now(), now() + interval '30 days',
                        case when ? = 'SENT' then now() end)""", id, number, status, status);
        return id;
    }

    private void item(long issue, long activity) {
        jdbc.update("""
                insert into newsletter_item (id, issue_id, kind, position, ref_id, title)
                values (nextval('newsletter_item_seq'), ?, 'ACTIVITY', 0, ?, 'Kurs')""", issue, activity);
    }

    private int items(long activity) {
        return jdbc.queryForObject("select count(*) from newsletter_item where ref_id = ?", Integer.class, activity);
    }
}
