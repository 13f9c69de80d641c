package se.kompetensportal.journeys;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An actor's contact person signs in, opens "Min organisation", sees their organisation's participants and hours
 * (chart and table), files the plan for further work with a PDF attached, and the secretary finds it in the list of
 * actors' plans; every page passes axe-core.
 */
class ActorJourneyBrowserTest extends BrowserTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void contactSeesParticipantsAndHoursAndFilesAPlan() {
        ActivityFixtures activities = new ActivityFixtures(activityRepository, projects, transactions);
        long iko = activities.ikoId();
        String orgName = "Resekommunen " + UUID.randomUUID().toString().substring(0, 6);
        long org = jdbc.queryForObject("select nextval('organisation_seq')", Long.class);
        jdbc.update("insert into organisation (id, name, kind) values (?, ?, 'MUNICIPALITY')", org, orgName);
        jdbc.update("insert into project_actor (project_id, organisation_id, role) values (?, ?, 'PARTNER')", iko, org);
        String contact = users.create(Set.of(Role.ACTOR_CONTACT), org, Set.of());
        long activity = activities.activity("Resekurs " + System.nanoTime()).startInDays(-30)
                .status(ActivityStatus.COMPLETED).save();
        long session = jdbc.queryForObject("select id from activity_session where activity_id = ?", Long.class, activity);
        long person = jdbc.queryForObject("select nextval('person_seq')", Long.class);
        jdbc.update("""
                insert into person (id, email, first_name, last_name, employer_organisation_id, gender)
                values (?, ?, 'Resa', 'Deltagarsson', ?, 'WOMAN')""", person, "resa-" + person + "@example.se", org);
        long signUp = jdbc.queryForObject("select nextval('sign_up_seq')", Long.class);
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, manage_token)
                values (?, ?, ?, ?, 'CONFIRMED', ?)""", signUp, activity, iko, person, "tok" + signUp);
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id, session_date,
                                        minutes, attended)
                values (?, ?, ?, ?, ?, (select track_id from activity where id = ?), ?, 420, true)""",
                session, person, signUp, activity, iko, activity, LocalDate.now().minusDays(30));

        page.navigate("/login");
        page.locator("#email").fill(contact);
        page.locator("#password").fill(TestUsers.DEMO_PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));

        page.locator("header a.nav-link", new Page.LocatorOptions().setHasText("Min organisation")).click();
        assertThat(page.locator("h1")).hasText("Min organisation");
        assertThat(page.locator("main")).containsText(orgName);
        checkAccessibility();

        page.locator("main table a", new Page.LocatorOptions().setHasText("Vi blir fler")).click();
        assertThat(page.locator("h1")).hasText("Våra deltagare");
        assertThat(page.locator("main table")).containsText("Resa Deltagarsson");
        checkAccessibility();

        page.locator("main .nav-tabs a", new Page.LocatorOptions().setHasText("Timmar")).click();
        assertThat(page.locator("h1")).hasText("Timmar");
        assertThat(page.locator("#hours-per-month")).containsText("7");
        page.waitForFunction("() => window.Chart && window.Chart.getChart('hours-chart') !== undefined");
        checkAccessibility();

        page.locator("main .nav-tabs a", new Page.LocatorOptions().setHasText("Utvärderingar")).click();
        assertThat(page.locator("#no-answers")).isVisible();
        checkAccessibility();

        page.locator("main .nav-tabs a", new Page.LocatorOptions().setHasText("Plan")).click();
        assertThat(page.locator("h1")).hasText("Plan för fortsatt arbete");
        checkAccessibility();
        // First without text: the field says what is missing.
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#error-summary")).isVisible();
        checkAccessibility();
        page.locator("#planText").fill("Vi gör grundutbildningen obligatorisk.\n\n- Nätverk för nyckelpersoner");
        page.locator("#document").setInputFiles(new FilePayload("var-plan.pdf", "application/pdf", PDF));
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Planen är sparad");
        assertThat(page.locator("#filed-plan")).containsText("Nätverk för nyckelpersoner");
        assertThat(page.locator("#filed-plan a[download]")).hasText("var-plan.pdf");
        checkAccessibility();

        page.locator("header form[action='/logout'] button").click();
        loginAs("sekreterare");
        adminMenu("Aktörernas planer");
        assertThat(page.locator("h1")).hasText("Aktörernas planer");
        checkAccessibility();
        page.locator("main table a", new Page.LocatorOptions().setHasText("Vi blir fler")).click();
        assertThat(page.locator("#with-plan")).containsText(orgName);
        checkAccessibility();
        page.locator("#with-plan a", new Page.LocatorOptions().setHasText(orgName)).click();
        assertThat(page.locator("main")).containsText("Vi gör grundutbildningen obligatorisk.");
        checkAccessibility();
    }
}
