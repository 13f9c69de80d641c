package se.kompetensportal.journeys;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.newsletter.domain.NewsletterJobs;
import se.kompetensportal.notifications.domain.OutboxSender;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.support.OutreachFixtures;
import se.kompetensportal.support.OutreachFixtures.TestProject;
import se.kompetensportal.support.TestMail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor finds a project from the start page, subscribes to its newsletter, confirms by the mailed link, receives
 * an issue the secretary sends (with the progress bar), reads it in the archive and unsubscribes by the link in the
 * mail, without ever signing in; the knowledge bank is browsed too. axe-core checks every public page on the way.
 */
class NewsletterJourneyBrowserTest extends BrowserTest {

    private static final Pattern CONFIRM = Pattern.compile("http://localhost:8080(/newsletter/confirm/\\S+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("http://localhost:8080(/newsletter/unsubscribe/[A-Za-z0-9_-]+)");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    NewsletterJobs jobs;
    @Autowired
    OutboxSender sender;

    @Test
    void subscribeConfirmReceiveAnIssueAndUnsubscribe() throws Exception {
        TestProject project = new OutreachFixtures(jdbc, transactions).project("ESF_PLUS");
        String course = project.shortName() + " grundkurs i bemötande";
        new ActivityFixtures(activityRepository, projects, transactions).activity(course).project(project.id())
                .startInDays(9).save();
        String email = "resan-" + System.nanoTime() + "@example.se";

        page.navigate("/");
        checkAccessibility();
        page.locator("main a[href='/projects/" + project.slug() + "']").click();
        assertThat(page.locator("h1")).containsText("Spridningsprojekt");
        assertThat(page.locator(".eu-statement")).hasText("Medfinansieras av Europeiska unionen");
        checkAccessibility();

        page.locator("#subscribe-email").fill(email);
        page.locator("label[for='subscribe-consent']").click();
        page.locator("form.newsletter-subscribe button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Titta i din inkorg");
        checkAccessibility();

        Matcher confirm = CONFIRM.matcher(latestMail(email, "newsletter.confirm"));
        assertThat(confirm.find()).isTrue();
        page.navigate(confirm.group(1));
        checkAccessibility();
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Du prenumererar nu");
        checkAccessibility();

        // The secretary writes and sends an issue (in a browser context of their own).
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(project.id()));
        var staff = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setLocale("sv-SE"));
        Page desk = staff.newPage();
        desk.navigate("/login");
        desk.locator("#email").fill(secretary);
        desk.locator("#password").fill(se.kompetensportal.support.TestUsers.DEMO_PASSWORD);
        desk.locator("form[action='/login'] button[type=submit]").click();
        desk.waitForURL(url -> !url.contains("/login"));
        desk.navigate("/admin/newsletters?projectId=" + project.id());
        desk.locator("main form[action*='/admin/newsletters/new'] button").click();
        assertThat(desk.locator("main")).containsText(course);
        desk.onceDialog(dialog -> dialog.accept());
        desk.locator("main form[action$='/send'] button").click();
        assertThat(desk.locator("progress")).isVisible();
        jobs.dispatchRun();
        assertThat(desk.locator("#progress")).containsText("1 av 1", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(15_000));
        staff.close();

        sender.sendDue();
        assertThat(java.util.Arrays.stream(TestMail.server().getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email) && m.getHeader("List-Unsubscribe") != null;
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        })).as("the issue reached the subscriber's mailbox").isTrue();
        String body = latestMail(email, "newsletter.issue");
        assertThat(body).contains(course);
        Matcher unsubscribe = UNSUBSCRIBE.matcher(body);
        assertThat(unsubscribe.find()).isTrue();

        page.navigate("/projects/" + project.slug());
        page.locator("main a[href='/projects/" + project.slug() + "/newsletters/1']").click();
        assertThat(page.locator("main")).containsText(course);
        checkAccessibility();

        page.navigate(unsubscribe.group(1));
        checkAccessibility();
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("[role=status]").first()).containsText("Du får inte längre nyhetsbrevet");
        checkAccessibility();
        assertThat(jdbc.queryForObject("select status from newsletter_subscriber where email = ?", String.class, email))
                .isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void theKnowledgeBankAndItsItemsAreAccessible() {
        page.navigate("/knowledge");
        checkAccessibility();
        page.locator("#q").fill("dialogcafé");
        page.locator("main form[role=search] button[type=submit]").click();
        page.locator("main .knowledge-card a").first().click();
        assertThat(page.locator("h1")).isVisible();
        checkAccessibility();
        page.navigate("/projects/iko");
        checkAccessibility();
        page.locator("main a[href^='/projects/iko/newsletters/']").first().click();
        checkAccessibility();
        // The subscription form's own page, with the errors of an empty submission.
        page.navigate("/newsletter/subscribe?project=" + users.projectId("2016/00175"));
        checkAccessibility();
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("#error-summary")).isVisible();
        checkAccessibility();
    }

    private String latestMail(String email, String category) {
        return jdbc.queryForObject("select body_text from outbox_message where recipient = ? and category = ? "
                + "order by id desc limit 1", String.class, email, category);
    }
}
