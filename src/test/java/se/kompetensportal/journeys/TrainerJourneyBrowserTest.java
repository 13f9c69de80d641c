package se.kompetensportal.journeys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trainer on a phone (375 px wide): today's sessions, the list of one, a tap that marks someone present without a
 * page load, and a check-in by typed code. Every page passes axe-core.
 */
class TrainerJourneyBrowserTest extends BrowserTest {

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
    void todaysSessionTapAndCheckInOnAPhone() {
        ParticipantFixtures fixtures = new ParticipantFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions));
        String title = "Mobilkurs " + System.nanoTime();
        LedgerlessSession course = course(fixtures, title);
        String trainer = users.create(Set.of(Role.TRAINER), null, Set.of());
        jdbc.update("""
                insert into activity_trainer (id, activity_id, name, organisation, external, gender, user_id)
                values (nextval('activity_trainer_seq'), ?, 'Tina Tränare', null, true, 'WOMAN',
                        (select id from app_user where email = ?))""", course.activity, trainer);
        long ada = signUp(fixtures, course.activity, "Ada");
        long bea = signUp(fixtures, course.activity, "Bea");
        String beasCode = jdbc.queryForObject("select check_in_code from sign_up where id = ?", String.class, bea);

        page.setViewportSize(375, 800);
        page.navigate("/login");
        page.locator("#email").fill(trainer);
        page.locator("#password").fill(TestUsers.DEMO_PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));

        page.navigate("/trainer");
        assertThat(page.locator("h1")).hasText("Närvaro idag");
        checkAccessibility();
        shot("trainer-1");
        page.locator("main a", new com.microsoft.playwright.Page.LocatorOptions().setHasText(title)).click();
        assertThat(page.locator("h1")).hasText(title);
        checkAccessibility();
        shot("trainer-2");
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 375 px").isTrue();

        page.locator("#person-" + ada + " button[value=true]").first().click();
        assertThat(page.locator("#person-" + ada + " .badge")).hasText("Kom");
        assertThat(jdbc.queryForObject("select attended from attendance where sign_up_id = ?", Boolean.class, ada)).isTrue();
        checkAccessibility();
        shot("trainer-3");

        page.locator("#code").fill(beasCode.toLowerCase());
        page.locator("#check-in-form button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Bea Testsson är incheckad");
        assertThat(page.locator("#person-" + bea + " .badge")).hasText("Kom");
        checkAccessibility();
        shot("trainer-4");
    }

    private record LedgerlessSession(long activity) {
    }

    private LedgerlessSession course(ParticipantFixtures fixtures, String title) {
        LocalDate today = LocalDate.now(Formats.ZONE);
        Instant start = ActivityFixtures.at(today, LocalTime.MIDNIGHT);
        Instant end = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Instant lastMinute = ActivityFixtures.at(today, LocalTime.of(23, 59));
        return new LedgerlessSession(fixtures.activities().activity(title)
                .sessionBetween(start, end.isAfter(lastMinute) ? lastMinute : end).save());
    }

    private long signUp(ParticipantFixtures fixtures, long activity, String name) {
        long person = fixtures.person(name, Gender.WOMAN);
        return seats.signUp(activity, people.findById(person).orElseThrow(), null, null, true).signUpId();
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
