package se.kompetensportal.journeys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newcomer finds an activity in the catalogue, signs in with the link mailed to them, signs up, finds it under
 * "Mina aktiviteter" and cancels; every page passes axe-core.
 */
class ParticipantJourneyBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void findSignInByLinkSignUpSeeAndCancel() {
        String title = "Webbkurs i bemötande " + System.nanoTime();
        new ActivityFixtures(activityRepository, projects, transactions).activity(title).seats(10).save();
        String email = "webb-" + System.nanoTime() + "@example.se";

        page.navigate("/activities");
        page.locator("#q").fill(title);
        page.locator("main form[role=search] button[type=submit]").click();
        page.locator("main .catalogue-list a", new Page.LocatorOptions().setHasText(title)).first().click();
        assertThat(page.locator("h1")).hasText(title);
        checkAccessibility();

        page.locator("#signup-heading ~ a.btn").first().click();
        assertThat(page.locator("h1")).containsText(title);
        checkAccessibility();
        page.locator("#name").fill("Webb Deltagare");
        page.locator("#email").fill(email);
        page.locator("main form button[type=submit]").first().click();
        assertThat(page.locator("h1")).hasText("Kolla din e-post");
        checkAccessibility();

        String mail = jdbc.queryForObject("select body_text from outbox_message where recipient = ? order by id desc limit 1",
                String.class, email);
        Matcher link = Pattern.compile("http://localhost:8080(/login/ott\\?\\S+)").matcher(mail);
        assertThat(link.find()).isTrue();
        page.navigate(link.group(1));
        checkAccessibility();
        page.locator("main button[type=submit]").click();

        assertThat(page.locator("h1")).containsText(title);
        page.locator("#firstName").fill("Webb");
        page.locator("#lastName").fill("Deltagare");
        page.locator("label[for='gender1']").click();
        page.locator("#employerName").fill("Webbföreningen");
        page.locator("#personalId").fill(ParticipantFixtures.personalId());
        page.locator("#specialNeeds").fill("Hörslinga");
        checkAccessibility();
        page.locator("main form button[type=submit]").last().click();

        assertThat(page.locator("[role=status]").first()).containsText("Du är anmäld");
        assertThat(page.locator("h1")).hasText(title);
        checkAccessibility();

        page.navigate("/my/activities");
        assertThat(page.locator("main")).containsText(title);
        checkAccessibility();
        page.locator("main a", new Page.LocatorOptions().setHasText(title)).first().click();
        page.onceDialog(dialog -> dialog.accept());
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Din anmälan är avbokad.");
        checkAccessibility();
        assertThat(jdbc.queryForObject("select s.status from sign_up s join person p on p.id = s.person_id "
                + "where p.email = ?", String.class, email)).isEqualTo("CANCELLED");
    }
}
