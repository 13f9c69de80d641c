package se.kompetensportal.journeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A participant downloads their own data and asks for erasure; the administrator finds the request, erases them, and
 * reads the personal-data register, the merge log and the duplicate report. Every page passes axe-core; with
 * {@code -Dkp.screenshots=DIR} the new pages are saved at 1280 and 375 px.
 */
class PersonalDataJourneyBrowserTest extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aParticipantExportsTheirDataAndIsErasedOnRequest() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        long person = new ParticipantFixtures(jdbc, null).personFor(email, "Resande");
        page.onDialog(dialog -> dialog.accept());

        login(email);
        page.navigate("/my/data");
        assertThat(page.locator("h1")).isVisible();
        checkAccessibility();
        shot("my-data");
        Download download = page.waitForDownload(() -> page.locator("a[href='/my/data/export.json']").click());
        String json = Files.readString(download.path());
        assertThat(json).contains("\"layout\"", "\"firstName\" : \"Resande\"", "\"timeConfirmations\"",
                "\"dialogFundApplications\"", "\"newsletterSubscriptions\"", "\"mails\"");

        page.locator("form[action='/my/data/erasure-request'] button[type=submit]").click();
        assertThat(page.locator("main [role=status]").first()).isVisible();
        checkAccessibility();

        page.context().clearCookies();
        login("admin" + TestUsers.DEMO_DOMAIN);
        page.navigate("/admin/people?requests=true&q=Resande");
        page.locator("main table a", new Page.LocatorOptions().setHasText("Resande Testsson")).first().click();
        checkAccessibility();
        page.locator("form[action='/admin/people/" + person + "/erase'] button[type=submit]").click();
        page.waitForURL(url -> url.contains("/admin/people") && !url.contains("/" + person));
        checkAccessibility();
        assertThat(jdbc.queryForObject("select erased_at is not null from person where id = ?", Boolean.class, person))
                .isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from app_user where email = ?", Integer.class, email) == 0);

        for (String[] p : new String[][] {{"/admin/privacy", "privacy"}, {"/admin/people/merges", "merges"},
                {"/admin/people/duplicates", "duplicates"}}) {
            page.setViewportSize(1280, 900);
            page.navigate(p[0]);
            assertThat(page.locator("h1")).isVisible();
            checkAccessibility();
            shot(p[1] + "-1280");
            page.setViewportSize(375, 800);
            checkAccessibility();
            shot(p[1] + "-375");
        }
    }

    private void login(String email) {
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(TestUsers.DEMO_PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private void shot(String name) {
        String dir = System.getProperty("kp.screenshots");
        if (dir != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of(dir, name + ".png")));
        }
    }
}
