package se.kompetensportal.journeys;

import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.CancelledBy;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running a course (issue 19): the secretary moves a session and tells the participants, then writes to them; a
 * participant sends a colleague in their place; a seat offered from the waiting list is accepted. Every page is
 * checked with axe-core; with -Dkp.screenshots=DIR each is saved at 1280 and 375 px wide.
 */
class CourseRunningJourneyBrowserTest extends BrowserTest {

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
    void secretaryMovesASessionAndWritesParticipantSendsAColleagueAndAnOfferIsAccepted() {
        var fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        long activity = fixtures.activities().activity("Kursdrift i webbläsaren " + System.nanoTime()).seats(1)
                .sessions(2).save();
        jdbc.update("insert into sign_up_settings (activity_id, offer_hours) values (?, 48)", activity);
        long ada = seats.signUp(activity, people.findById(fixtures.person("Ada", Gender.WOMAN)).orElseThrow(), null,
                null, true).signUpId();
        long bo = seats.signUp(activity, people.findById(fixtures.person("Bo", Gender.MAN)).orElseThrow(), null, null,
                true).signUpId();
        page.onDialog(dialog -> dialog.accept());

        // The secretary moves the second session and tells the participants.
        loginAs("sekreterare");
        page.navigate("/admin/activities/" + activity);
        checkAccessibility();
        shot("activity-page");
        page.locator("#sessions a", new Page.LocatorOptions().setHasText("Ändra")).nth(1).click();
        assertThat(page.locator("h1")).containsText("Ändra tillfälle");
        assertThat(page.locator("#announce")).isChecked();
        checkAccessibility();
        shot("session-form");
        page.locator("#start").fill("13:00");
        page.locator("#end").fill("16:00");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("deltagarna får ett mejl");
        assertThat(page.locator("#sessions")).containsText("13:00");

        // ... and writes to everyone signed up.
        page.locator("a", new Page.LocatorOptions().setHasText("Skriv till deltagarna")).first().click();
        checkAccessibility();
        page.locator("label", new Page.LocatorOptions().setHasText("Alla anmälda")).click();
        page.locator("#subject").fill("Ny tid för {activity}");
        page.locator("#body").fill("Hej {name}!\nAndra tillfället börjar nu kl. 13.\nDin anmälan: {manageLink}");
        page.locator("button[value=preview]").click();
        assertThat(page.locator("#preview")).containsText("Hej Ada!");
        checkAccessibility();
        shot("message-preview");
        page.locator("button[value=send]").click();
        assertThat(page.locator("#progress")).containsText("av 2 mejl skickade");
        assertThat(page.locator("main")).containsText("Bo Testsson");
        checkAccessibility();
        shot("message-sent");
        page.navigate("/admin/activities/" + activity + "/sign-up-settings");
        checkAccessibility();
        shot("sign-up-settings");
        page.context().clearCookies();

        // Ada cannot come and sends a colleague from the link in her mails.
        String adaToken = jdbc.queryForObject("select manage_token from sign_up where id = ?", String.class, ada);
        page.navigate("/sign-ups/" + adaToken);
        page.locator("a", new Page.LocatorOptions().setHasText("Skicka en kollega i stället")).click();
        checkAccessibility();
        shot("colleague-form");
        String colleague = "kollega-" + System.nanoTime() + "@example.se";
        page.locator("#firstName").fill("Kim");
        page.locator("#lastName").fill("Kollega");
        page.locator("#email").fill(colleague);
        page.locator("#employerName").fill("Kalmar kommun");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Kollegan har fått din plats");
        checkAccessibility();

        // The colleague cancels after all: the seat is offered to Bo, who takes it.
        long kim = jdbc.queryForObject("""
                select s.id from sign_up s join person p on p.id = s.person_id where s.activity_id = ? and p.email = ?""",
                Long.class, activity, colleague);
        seats.cancel(kim, CancelledBy.PARTICIPANT);
        String offer = jdbc.queryForObject("select token from seat_offer where sign_up_id = ? and status = 'OPEN'",
                String.class, bo);
        page.navigate("/offers/" + offer);
        checkAccessibility();
        shot("offer");
        page.locator("button", new Page.LocatorOptions().setHasText("Ja, jag tar platsen")).click();
        assertThat(page.locator("[role=status]").first()).containsText("Platsen är din");
        checkAccessibility();
        assertThat(fixtures.status(bo)).isEqualTo("CONFIRMED");
        assertThat(checkedPages()).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void secretaryAsksQuestionsAtSignUpAndAParticipantAnswersThem() {
        var fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        long activity = fixtures.activities().activity("Frågor i webbläsaren " + System.nanoTime()).save();

        // A question about health is refused until it is marked as needed for accessibility, with a purpose.
        loginAs("sekreterare");
        page.navigate("/admin/activities/" + activity + "/sign-up-questions");
        checkAccessibility();
        page.locator("#textSv").fill("Har du någon allergi vi behöver veta om till lunchen?");
        page.locator("#textEn").fill("Any allergies we need to know of for lunch?");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("#error-summary")).containsText("känsliga uppgifter");
        checkAccessibility();
        shot("sign-up-questions-refused");
        page.getByLabel("Frågan behövs för tillgänglighet").check();
        page.locator("#purposeSv").fill("Köket lagar mat efter svaren; de raderas med anmälan.");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("[role=status]").first()).containsText("Frågan har lagts till");
        page.getByLabel("Flerval (ett svar)").check();
        page.locator("#textSv").fill("Vilken enhet arbetar du på?");
        page.locator("#optionsSv").fill("Socialtjänsten\nSkolan\nVård och omsorg");
        page.getByLabel("Frågan måste besvaras").check();
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("main ol")).containsText("Vilken enhet arbetar du på?");
        checkAccessibility();
        shot("sign-up-questions");
        // ... and asks for the manager's approval, the seat held for five days.
        page.navigate("/admin/activities/" + activity + "/sign-up-settings");
        page.getByLabel("Anmälan kräver chefens godkännande").check();
        page.locator("#approvalDays").fill("5");
        checkAccessibility();
        shot("sign-up-settings-approval");
        page.locator("main button[type=submit]").click();
        page.context().clearCookies();

        // The participant must answer the required one; the purpose is shown with the sensitive one.
        loginAs("deltagare");
        page.navigate("/activities/" + activity + "/sign-up");
        assertThat(page.locator("#questions")).containsText("Köket lagar mat efter svaren");
        page.locator("#questions textarea").fill("Nötter");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page.locator("#error-summary")).containsText("Vilken enhet arbetar du på?");
        assertThat(page.locator("#questions textarea")).hasValue("Nötter");
        checkAccessibility();
        shot("sign-up-with-questions");
        page.getByLabel("Skolan").check();
        page.locator("#managerEmail").fill("chef-" + System.nanoTime() + "@kalmar.se");
        page.locator("main form button[type=submit]").last().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/my/activities/\\d+"));
        assertThat(page.locator("[role=status]").first()).containsText("väntar på din chefs godkännande");

        // The manager approves from the link in the mail.
        page.context().clearCookies();
        String token = jdbc.queryForObject("select token from manager_approval where activity_id = ?", String.class,
                activity);
        page.navigate("/approvals/" + token);
        checkAccessibility();
        shot("manager-approval");
        page.locator("button", new Page.LocatorOptions().setHasText("Godkänn anmälan")).click();
        assertThat(page.locator("h1")).containsText("Tack för ditt svar");
        checkAccessibility();
        assertThat(jdbc.queryForList("""
                select x.answer from sign_up_answer x join sign_up s on s.id = x.sign_up_id
                where s.activity_id = ? order by x.answer""", String.class, activity)).containsExactly("1", "Nötter");
    }

    /** With -Dkp.screenshots=DIR, saves the page at 1280 and at 375 px wide. */
    private void shot(String name) {
        String dir = System.getProperty("kp.screenshots");
        if (dir == null) {
            return;
        }
        for (int width : new int[] {1280, 375}) {
            page.setViewportSize(width, 900);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of(dir, name + "-" + width + ".png")));
        }
        page.setViewportSize(1280, 900);
    }
}
