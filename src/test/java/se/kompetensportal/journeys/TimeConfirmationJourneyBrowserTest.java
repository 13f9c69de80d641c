package se.kompetensportal.journeys;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import se.kompetensportal.support.TestUsers;
import se.kompetensportal.timereporting.HandComputedFixture;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.TimeFixtures;
import se.kompetensportal.timereporting.TimeLedgerApi;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant confirms a month from the link in the mail on a phone (375 px), first trying "Something is wrong"
 * without saying what; then confirms another month signed in at "Min tid"; and the secretary sees the answers on the
 * project's time page. Every page passes axe-core.
 */
class TimeConfirmationJourneyBrowserTest extends BrowserTest {

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
    @Autowired
    TimeJobs jobs;

    @Test
    void confirmFromTheMailOnAPhoneThenSignedInAndTheSecretarySeesIt() {
        TimeFixtures fixtures = new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users);
        HandComputedFixture f = new HandComputedFixture(fixtures, users, jdbc);
        jobs.scheduledConfirmations();
        String mail = jdbc.queryForObject("""
                select body_text from outbox_message where recipient = ? and body_text like '%9 hela timmar%'""",
                String.class, f.annaEmail);
        Matcher link = Pattern.compile("http://localhost:8080(/time/confirm/\\S+)").matcher(mail);
        assertThat(link.find()).isTrue();

        page.setViewportSize(375, 800);
        page.navigate(link.group(1));
        assertThat(page.locator("h1")).containsText("Din tid i");
        assertThat(page.locator("main table")).containsText("6 h 40 min");
        assertThat(page.locator("main tfoot")).containsText("9 hela timmar");
        checkAccessibility();
        shot("timeconfirmation-1");

        page.locator("form[action$='/dispute'] button[type=submit]").click();
        assertThat(page.locator("#error-summary")).containsText("Skriv vad som inte stämmer.");
        checkAccessibility();
        shot("timeconfirmation-2");

        page.locator("main form:not([action$='/dispute']) button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Tack för ditt svar");
        assertThat(page.locator("main [role=status]")).containsText("Din tid är bekräftad");
        checkAccessibility();
        shot("timeconfirmation-3");
        assertThat(ledger.month(f.iko, f.anna, f.m1).orElseThrow().status()).isEqualTo(MonthStatus.CONFIRMED);

        page.navigate(link.group(1));
        assertThat(page.locator("h1")).hasText("Månaden är redan besvarad");
        checkAccessibility();
        shot("timeconfirmation-4");

        page.setViewportSize(1280, 900);
        signIn(f.annaEmail);
        page.navigate("/my/time");
        assertThat(page.locator("h1")).hasText("Min tid");
        checkAccessibility();
        shot("timeconfirmation-5");
        long lfiMonth = ledger.month(f.lfi, f.anna, f.m1).orElseThrow().id();
        page.locator("#month-" + lfiMonth + " form[action$='/confirm'] button").click();
        assertThat(page.locator("[role=status]").first()).containsText("Din tid är bekräftad");
        assertThat(ledger.month(lfiMonth).orElseThrow().status()).isEqualTo(MonthStatus.CONFIRMED);
        checkAccessibility();
        shot("timeconfirmation-6");

        page.context().clearCookies();
        signIn("sekreterare" + TestUsers.DEMO_DOMAIN);
        page.navigate("/admin/projects/" + f.iko + "/time?month=" + f.m1);
        // The people's table comes first; the project's recorded exits (made by other tests) may follow it.
        assertThat(page.locator("main table").first()).containsText("Anna Testsson");
        assertThat(page.locator("main table").first()).containsText("Bekräftad");
        checkAccessibility();
        shot("timeconfirmation-7");
        // Other journeys build the same hand-computed fixture (another Anna Testsson): open this one's month.
        long annaMonth = ledger.month(f.iko, f.anna, f.m1).orElseThrow().id();
        page.locator("main table a[href$='/time/" + annaMonth + "']").click();
        assertThat(page.locator("h1")).containsText("Anna Testsson");
        checkAccessibility();
        shot("timeconfirmation-8");
    }

    private void signIn(String email) {
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(TestUsers.DEMO_PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** With -Dkp.screenshots=DIR, saves a full-page screenshot of the current page (for looking at the pages). */
    private void shot(String name) {
        String dir = System.getProperty("kp.screenshots");
        if (dir != null) {
            page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
                    .setPath(java.nio.file.Path.of(dir, name + ".png")));
        }
    }
}
