package se.kompetensportal.journeys;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.BrowserTest;
import se.kompetensportal.support.TestUsers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dialog fund in a real browser, every page checked with axe-core: an association's representative signs in by
 * e-mail link, drafts, attaches and submits an application; a steering-group member scores it; the secretary grants
 * it; the applicant reports; the secretary approves the report.
 */
class DialogFundJourneyBrowserTest extends BrowserTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    @Autowired
    JdbcTemplate jdbc;

    String shortName;
    int year;
    String secretary;
    String reviewer;

    @BeforeEach
    void fund() {
        LocalDate today = LocalDate.now(ZONE);
        year = today.getYear();
        long projectId = jdbc.queryForObject("select nextval('project_seq')", Long.class);
        shortName = "B" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
        jdbc.update("""
                insert into project (id, name, short_name, owner_organisation, start_date, end_date)
                values (?, ?, ?, 'Regionförbundet i Kalmar län', date '2024-01-01', date '2030-12-31')""",
                projectId, "Webbläsarprojektet " + shortName, shortName);
        long fundId = jdbc.queryForObject("select nextval('dialog_fund_seq')", Long.class);
        jdbc.update("""
                insert into dialog_fund (id, project_id, year, total_amount, remaining_amount, max_per_application,
                                         description, municipalities)
                values (?, ?, ?, ?, ?, ?, 'Stöd till möten mellan nyanlända och etablerade.', ?)""",
                fundId, projectId, year, new BigDecimal("80000"), new BigDecimal("80000"), new BigDecimal("20000"),
                "Kalmar\nNybro\nVästervik");
        jdbc.update("insert into dialog_fund_period (id, fund_id, opens_on, closes_on) "
                + "values (nextval('dialog_fund_period_seq'), ?, ?, ?)", fundId, today.minusDays(3), today.plusDays(20));
        jdbc.update("insert into dialog_fund_criterion (id, fund_id, position, name, description) "
                + "values (nextval('dialog_fund_criterion_seq'), ?, 1, 'Möten', 'Nya och gamla invånare möts.')", fundId);
        jdbc.update("insert into dialog_fund_criterion (id, fund_id, position, name) "
                + "values (nextval('dialog_fund_criterion_seq'), ?, 2, 'Budget')", fundId);
        secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(projectId));
        reviewer = users.create(Set.of(Role.STEERING), null, Set.of(projectId));
        jdbc.update("insert into dialog_fund_reviewer (fund_id, user_id) values (?, (select id from app_user where email = ?))",
                fundId, reviewer);
        page.onDialog(dialog -> dialog.accept());
    }

    @Test
    void applyReviewDecideReportApprove() {
        String applicant = "ordforande-" + UUID.randomUUID().toString().substring(0, 6) + "@forening.example";

        // The public page, and sign-in by e-mail link.
        page.navigate("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dialogpotten").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Dialogpotten");
        assertThat(page.locator("main")).containsText("Dialogpotten " + shortName + " " + year);
        checkAccessibility();
        page.locator("#name").fill("Olle Ordförande");
        page.locator("#email").fill(applicant);
        page.locator("form[action='/dialog-fund/sign-in'] button[type=submit]").click();
        assertThat(page.locator("h1")).hasText("Kolla din e-post");
        checkAccessibility();
        signInByLink(applicant);
        assertThat(page.locator("h1")).hasText("Mina ansökningar");
        checkAccessibility();

        // A draft: the form, a first save with errors on submit, attachments.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Påbörja en ansökan till " + shortName + " " + year)).click();
        assertThat(page.locator("h1")).hasText("Ansökan till dialogpotten " + shortName + " " + year);
        checkAccessibility();
        page.locator("#title").fill("Språkcafé med fika");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka in ansökan")).click();
        assertThat(page.locator("#error-summary")).isVisible();
        assertThat(page.locator("#organisationName")).hasAttribute("aria-invalid", "true");
        checkAccessibility();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara utkast")).click();
        assertThat(page.locator("[role=status]")).containsText("Utkastet är sparat.");
        checkAccessibility();
        page.locator("#file").setInputFiles(new FilePayload("Program.pdf", "application/pdf",
                "%PDF-1.4\n% program\n".getBytes()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ladda upp")).click();
        assertThat(page.locator("#attachments")).containsText("Program.pdf");
        page.locator("#file").setInputFiles(new FilePayload("virus.pdf", "application/pdf", "MZ nope".getBytes()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ladda upp")).click();
        assertThat(page.locator("#file-error")).containsText("inte en PDF");
        checkAccessibility();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fortsätt med ansökan")).click();
        fillApplication();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka in ansökan")).click();
        assertThat(page.locator("[role=status]")).containsText("diarienummer DP-" + year + "-");
        String reference = page.locator("main p").filter(new Locator.FilterOptions().setHasText("Diarienummer DP-"))
                .first().innerText().replaceAll(".*(DP-\\d{4}-\\d{4}).*", "$1").strip();
        checkAccessibility();

        // The reviewer scores it.
        switchTo(reviewer);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bedöm ansökningar")).click();
        assertThat(page.locator("main")).containsText(reference);
        checkAccessibility();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        checkAccessibility();
        page.locator("#score-0-5").check();
        page.locator("#score-1-4").check();
        page.locator("#comment").fill("Ett fint sätt att mötas.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara bedömningen")).click();
        assertThat(page.locator("[role=status]")).containsText("Din bedömning är sparad.");
        checkAccessibility();

        // The secretary grants it.
        switchTo(secretary);
        adminMenu("Handlägg dialogpotten");
        checkAccessibility();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dialogpotten " + shortName + " " + year))
                .click();
        assertThat(page.locator("#applications")).containsText("Språkcafé med fika");
        checkAccessibility();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertThat(page.locator("#reviews")).containsText("Ett fint sätt att mötas.");
        checkAccessibility();
        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Bevilja")).check();
        page.locator("#amount").fill("15000");
        page.locator("#reason").fill("Välplanerat och med tydliga möten.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Registrera beslutet och mejla beslutsbrevet")).click();
        assertThat(page.locator("[role=status]")).containsText("Ansökan är beviljad.");
        assertThat(page.locator("main")).containsText("Beviljad med 15");
        checkAccessibility();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Registrera att beloppet är utbetalt")).click();
        assertThat(page.locator("main")).containsText("Utbetald");

        // The applicant reports after the activity.
        page.context().clearCookies();
        page.navigate("/dialog-fund");
        page.locator("#name").fill("Olle Ordförande");
        page.locator("#email").fill(applicant);
        page.locator("form[action='/dialog-fund/sign-in'] button[type=submit]").click();
        signInByLink(applicant);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Språkcafé med fika")).click();
        assertThat(page.locator("main")).containsText("Beviljad med 15");
        checkAccessibility();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skriv slutrapporten")).click();
        checkAccessibility();
        page.locator("#file").setInputFiles(new FilePayload("fika.png", "image/png", new byte[] {(byte) 0x89, 'P',
                'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0}));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ladda upp bilden")).click();
        assertThat(page.locator("#photos")).containsText("fika.png");
        page.locator("#summary").fill("Sex kvällar med samtal på svenska och arabiska, och mycket skratt.");
        page.locator("#heldOn").fill(LocalDate.now(ZONE).toString());
        page.locator("#participantsWomen").fill("11");
        page.locator("#participantsMen").fill("8");
        page.locator("#participantsNewcomers").fill("10");
        page.locator("#participantsLongTimeResidents").fill("9");
        page.locator("#actualCosts").fill("14200");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lämna slutrapporten")).click();
        assertThat(page.locator("[role=status]")).containsText("Slutrapporten är inlämnad.");
        checkAccessibility();

        // The secretary approves: carried out. And the page in English.
        switchTo(secretary);
        page.navigate("/admin/dialog-fund");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dialogpotten " + shortName + " " + year))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference)).click();
        assertThat(page.locator("#report")).containsText("Sex kvällar med samtal");
        checkAccessibility();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Godkänn slutrapporten")).click();
        assertThat(page.locator("[role=status]")).containsText("räknas som genomförd");
        assertThat(page.locator("main")).containsText("Genomförd");
        checkAccessibility();
        page.locator("a[hreflang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("main")).containsText("Carried out");
        checkAccessibility();

        assertThat(checkedPages()).hasSizeGreaterThanOrEqualTo(20);
    }

    private void fillApplication() {
        page.locator("#organisationName").fill("Föreningen Fika & Språk");
        page.locator("#organisationNumber").fill("802479-2213");
        page.locator("#organisationKind").selectOption("ASSOCIATION");
        page.locator("#municipality").selectOption("Nybro");
        page.locator("#contactName").fill("Olle Ordförande");
        page.locator("#contactEmail").fill("olle@forening.example");
        page.locator("#description").fill("Varje torsdag träffas vi och pratar svenska över en kopp kaffe.");
        page.locator("#targetGroups").fill("Nyanlända vuxna och föreningens medlemmar.");
        page.locator("#plannedStart").fill(LocalDate.now(ZONE).plusDays(10).toString());
        page.locator("#place").fill("Biblioteket i Nybro");
        page.locator("#expectedWomen").fill("10");
        page.locator("#expectedMen").fill("8");
        page.locator("#expectedNewcomers").fill("9");
        page.locator("#expectedLongTimeResidents").fill("9");
        page.locator("[id='budgetLines0.description']").fill("Fika");
        page.locator("[id='budgetLines0.amount']").fill("9000");
        page.locator("[id='budgetLines1.description']").fill("Samtalsledare");
        page.locator("[id='budgetLines1.amount']").fill("8000");
        page.locator("#amountRequested").fill("17000");
    }

    private void signInByLink(String email) {
        String body = jdbc.queryForObject("select body_text from outbox_message where recipient = ? "
                + "and category = 'accounts.login-link' order by id desc limit 1", String.class, email);
        Matcher link = Pattern.compile("http://localhost:8080(/login/ott\\?token=[0-9a-f-]+&continue=[^\\s]+)")
                .matcher(body);
        assertThat(link.find()).as(body).isTrue();
        page.navigate(link.group(1));
        checkAccessibility();
        page.locator("main form button[type=submit]").click();
        page.waitForURL(url -> url.endsWith("/dialog-fund/my"));
    }

    private void switchTo(String email) {
        page.context().clearCookies();
        page.navigate("/login");
        page.locator("#email").fill(email);
        page.locator("#password").fill(TestUsers.DEMO_PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }
}
