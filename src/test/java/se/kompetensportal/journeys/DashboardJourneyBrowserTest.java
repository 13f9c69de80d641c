package se.kompetensportal.journeys;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The steering group follows IKO's indicators on the dashboard (cards, the participant curve, the breakdowns with
 * charts and tables, the period filter); the secretary keeps the indicators, the collaboration register and the
 * progress report. Every page passes axe-core.
 */
class DashboardJourneyBrowserTest extends BrowserTest {

    @Test
    void theSteeringGroupFollowsTheIndicators() {
        loginAs("styrgrupp");
        page.locator("header").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Indikatorer").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Indikatorer och måluppfyllelse");
        checkAccessibility();

        page.locator("main a", new Page.LocatorOptions().setHasText("IKO")).first().click();
        assertThat(page.locator("h1")).hasText("Indikatorer för IKO");
        assertThat(page.locator(".indicator-card").first()).isVisible();
        assertThat(page.locator("main")).containsText("Unika deltagare");
        assertThat(page.locator("main")).containsText("minst 675");
        assertThat(page.locator("main")).containsText("Genomförda samverkansprojekt");
        assertThat(page.locator("main")).containsText("Nya metoder och verktyg för svåra frågor");
        // The demo evaluations' answers reach the statement cards through the surveys module's API.
        assertThat(page.locator("main")).not().containsText("Inga svar ännu.");
        assertThat(page.locator("#breakdown-track")).isVisible();
        assertThat(page.locator("main table caption", new Page.LocatorOptions()
                .setHasText("Unika deltagare per Kommun"))).isVisible();
        // Chart.js drew the charts from the data attributes.
        page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('curve-chart')) != null");
        checkAccessibility();

        page.locator("#from").fill("2026-01-01");
        page.locator("#to").fill("2026-12-31");
        page.locator("main form button[type=submit]").first().click();
        page.waitForURL(url -> url.contains("from=2026-01-01"));
        assertThat(page.locator("main")).containsText("2026-01-01 – 2026-12-31");
        checkAccessibility();
    }

    private void chooseIko() {
        String iko = page.locator("#projectId option", new Page.LocatorOptions().setHasText("IKO")).getAttribute("value");
        page.locator("#projectId").selectOption(iko);
        page.locator("main form[method=get] button[type=submit]").click();
        page.waitForURL(url -> url.contains("projectId=" + iko));
    }

    @Test
    void theSecretaryKeepsIndicatorsCollaborationProjectsAndTheProgressReport() {
        loginAs("sekreterare");
        adminMenu("Indikatorer och mål");
        assertThat(page.locator("h1")).hasText("Indikatorer och mål");
        chooseIko();
        assertThat(page.locator("main table")).containsText("Aktörer med plan för fortsatt arbete");
        checkAccessibility();
        page.locator("main a", new Page.LocatorOptions().setHasText("Spridning på nationell nivå")).click();
        assertThat(page.locator("h1")).hasText("Ändra indikator");
        assertThat(page.locator("#values-heading")).isVisible();
        checkAccessibility();

        adminMenu("Samverkansprojekt");
        chooseIko();
        assertThat(page.locator("main table")).containsText("Läxhjälp på biblioteket med Rädda Barnen");
        checkAccessibility();
        page.locator("main a", new Page.LocatorOptions().setHasText("Nytt samverkansprojekt")).click();
        page.locator("#title").fill("Bokcirkel på lätt svenska");
        page.locator("main button[type=submit]").first().click();
        assertThat(page.locator("#error-summary")).containsText("minst en myndighet");
        checkAccessibility();

        page.navigate("/dashboard");
        page.locator("main a", new Page.LocatorOptions().setHasText("IKO")).first().click();
        page.locator("main a", new Page.LocatorOptions().setHasText("Lägesrapport")).click();
        assertThat(page.locator("h1")).hasText("Lägesrapport för IKO");
        checkAccessibility();
        page.locator("#genderEquality").fill("Varje utbildning tar upp jämställdhet i kulturmötet.");
        page.locator("main button", new Page.LocatorOptions().setHasText("Spara texterna")).click();
        assertThat(page.locator("main")).containsText("Texterna är sparade som en ny version.");
        assertThat(page.locator("#genderEquality")).hasValue("Varje utbildning tar upp jämställdhet i kulturmötet.");
    }
}
