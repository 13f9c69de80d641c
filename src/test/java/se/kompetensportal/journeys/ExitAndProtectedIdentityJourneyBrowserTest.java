package se.kompetensportal.journeys;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.timereporting.HandComputedFixture;
import se.kompetensportal.timereporting.TimeFixtures;
import se.kompetensportal.timereporting.TimeLedgerApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretary records that Anna left the project (first forgetting the reason: the field's message), sees the exit
 * listed on the time page, and marks Anna's protected identity on her person page; at 1280 and 375 px, every page
 * passing axe-core. With -Dkp.screenshots=DIR each page is saved at both widths.
 */
class ExitAndProtectedIdentityJourneyBrowserTest extends BrowserTest {

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
    @Autowired
    AttendanceService attendance;
    @Autowired
    TimeLedgerApi ledger;

    @Test
    void recordAnExitAndMarkAProtectedIdentity() {
        HandComputedFixture f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects,
                transactions, seats, people, attendance, users), users, jdbc);
        page.onDialog(dialog -> dialog.accept());
        loginAs("sekreterare");

        long month = ledger.month(f.iko, f.anna, f.m2).orElseThrow().id();
        page.navigate("/admin/projects/" + f.iko + "/time/" + month);
        page.locator("#exitDate").fill(f.m2.atDay(7).toString());
        page.locator("#exit-heading ~ form button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("#exitReason-error").textContent()).contains("Välj en orsak");
        checkAccessibility();
        shot("exit-form-error");

        page.locator("#exitReason").selectOption("NEW_JOB");
        page.locator("#exit-heading ~ form button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("#exit-heading ~ ul").textContent()).contains("Har bytt arbete");
        checkAccessibility();
        shot("exit-recorded");

        page.navigate("/admin/projects/" + f.iko + "/time");
        assertThat(page.locator("#exits-heading ~ div table").textContent()).contains("Anna Testsson", "Har bytt arbete");
        checkAccessibility();
        shot("time-page-exits");

        page.navigate("/admin/people/" + f.anna);
        page.locator("a[href='/admin/people/" + f.anna + "/protected-identity']").click();
        page.locator("form[action$='/protected-identity'] button[type=submit]").click();
        page.waitForLoadState();
        assertThat(page.locator("main table").textContent()).contains("Markerad som skyddad identitet");
        checkAccessibility();
        shot("protected-identity");
        assertThat(jdbc.queryForObject("select protected_identity from person where id = ?", Boolean.class, f.anna))
                .isTrue();
    }

    /** With -Dkp.screenshots=DIR, the current page at 1280 and at 375 px (checked by axe-core at 375 too). */
    private void shot(String name) {
        page.setViewportSize(375, 800);
        checkAccessibility();
        String dir = System.getProperty("kp.screenshots");
        if (dir != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of(dir, name + "-375.png")));
        }
        page.setViewportSize(1280, 900);
        if (dir != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of(dir, name + "-1280.png")));
        }
    }
}
