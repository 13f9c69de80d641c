package se.kompetensportal.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
import se.kompetensportal.timereporting.domain.ClaimPackJobs;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secretary builds a claim pack: from the project's time page to the claims page, a range of two months, the
 * progress bar moving to done once the job has built it (the job runs as production runs it, through its scheduled
 * method; the test profile sets its interval to an hour), and the ZIP downloaded and read back. Then the SCB page, the
 * co-financing pages and the steering group's co-financing section. Every page passes axe-core; with
 * -Dkp.screenshots=DIR each is saved at 1280 and 375 px.
 */
class ClaimPackJourneyBrowserTest extends BrowserTest {

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
    TimeJobs jobs;
    @Autowired
    ClaimPackJobs packs;

    @Test
    void theSecretaryBuildsAClaimPackAndDownloadsItThenChecksScbAndCoFinancing() throws IOException {
        HandComputedFixture f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects,
                transactions, seats, people, attendance, users), users, jdbc);
        jobs.scheduledConfirmations();
        jdbc.update("insert into project_unit_cost (project_id, year, hourly_rate) values (?, ?, 300) on conflict do nothing",
                f.iko, f.m2.getYear());

        loginAs("sekreterare");
        page.navigate("/admin/projects/" + f.iko + "/time");
        page.locator("main a[href$='/time/claims']").click();
        assertThat(page.locator("h1")).containsText("Underlag för ansökan om utbetalning");
        checkAccessibility();
        page.locator("#from").fill(f.m1.toString());
        page.locator("#to").fill(f.m2.toString());
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> url.contains("#pack-"));
        String packId = page.url().replaceFirst(".*#pack-", "");
        Locator row = page.locator("#pack-" + packId);
        assertThat(row.locator("progress")).isVisible();
        assertThat(row.locator(".claim-download")).isHidden();
        checkAccessibility();
        shots("claims-building");

        packs.buildQueued();
        // The page asks every two seconds; a loaded machine may need more than the assertion's default five.
        assertThat(row.locator(".claim-download")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        assertThat(row.locator("progress")).hasAttribute("value", "100");
        assertThat(row.locator(".claim-percent")).hasText("100 %");
        checkAccessibility();
        Download download = page.waitForDownload(() -> row.locator(".claim-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("underlag-" + f.m1 + "-" + f.m2 + ".zip");
        assertThat(entries(download)).contains("tidsintyg/tidsintyg-" + f.m1 + ".pdf",
                "tidsintyg/tidsintyg-" + f.m2 + ".pdf", "scb/scb-" + f.m1 + ".xlsx", "scb/scb-" + f.m2 + ".xlsx",
                "sammanstallning-" + f.m1 + "-" + f.m2 + ".xlsx");

        page.reload();
        assertThat(row.locator("a", new Locator.LocatorOptions().setHasText("Hämta (ZIP)"))).isVisible();
        checkAccessibility();
        shots("claims-done");

        page.navigate("/admin/projects/" + f.iko + "/time");
        page.locator("main a[href$='/time/scb']").click();
        assertThat(page.locator("h1")).containsText("Rapportering till SCB");
        assertThat(page.locator("main table")).containsText("Inte skickad");
        checkAccessibility();
        shots("scb");

        page.navigate("/admin/projects/" + f.iko + "/time");
        page.locator("main a[href$='/time/co-financing']").click();
        assertThat(page.locator("h1")).containsText("Medfinansiering");
        checkAccessibility();
        shots("cofinancing");
        page.locator("main ul a", new Page.LocatorOptions().setHasText("Kalmar kommun")).click();
        page.locator("#hours").fill("-5");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#error-summary")).isVisible();
        checkAccessibility();
        shots("pledge-error");
        page.locator("#hours").fill("2000");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("main table")).containsText("Kalmar kommun");
        checkAccessibility();

        page.context().clearCookies();
        loginAs("styrgrupp");
        page.navigate("/dashboard/projects/" + f.iko);
        Locator section = page.locator("section[aria-labelledby=cofinancing-heading]");
        assertThat(section).containsText("Kalmar kommun");
        checkAccessibility();
        sectionShots(section, "dashboard-cofinancing");
    }

    private static Set<String> entries(Download download) throws IOException {
        byte[] zip = Files.readAllBytes(download.path());
        assertThat(zip).startsWith(0x50, 0x4b, 0x03, 0x04);
        Set<String> names = new HashSet<>();
        try (InputStream bytes = new java.io.ByteArrayInputStream(zip); ZipInputStream in = new ZipInputStream(bytes)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    /** With -Dkp.screenshots=DIR, saves the current page at 1280 and at 375 px, checking axe-core at 375 px too. */
    private void shots(String name) {
        String dir = System.getProperty("kp.screenshots");
        if (dir == null) {
            return;
        }
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of(dir, "claimpack-" + name + "-1280.png")));
        page.setViewportSize(375, 800);
        checkAccessibility();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(java.nio.file.Path.of(dir, "claimpack-" + name + "-375.png")));
        page.setViewportSize(1280, 900);
    }

    private void sectionShots(Locator section, String name) {
        String dir = System.getProperty("kp.screenshots");
        if (dir == null) {
            return;
        }
        section.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Path.of(dir, "claimpack-" + name + "-1280.png")));
        page.setViewportSize(375, 800);
        checkAccessibility();
        section.screenshot(new Locator.ScreenshotOptions().setPath(java.nio.file.Path.of(dir, "claimpack-" + name + "-375.png")));
        page.setViewportSize(1280, 900);
    }
}
