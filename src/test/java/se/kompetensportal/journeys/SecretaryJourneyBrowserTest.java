package se.kompetensportal.journeys;

import org.junit.jupiter.api.Test;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo secretary signs in, adds a thematic track to a project, sees it listed, and switches the portal to English;
 * every page on the way passes axe-core.
 */
class SecretaryJourneyBrowserTest extends BrowserTest {

    @Test
    void secretaryCreatesATrackAndSwitchesLanguage() {
        page.navigate("/");
        checkAccessibility();

        page.navigate("/login");
        checkAccessibility();
        loginAs("sekreterare");

        adminMenu("Projekt");
        assertThat(page.locator("h1")).hasText("Projekt");
        checkAccessibility();

        page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("IKO – Vi blir fler")).click();
        assertThat(page.locator("h1")).containsText("IKO");
        checkAccessibility();

        page.locator("a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Lägg till spår")).click();
        checkAccessibility();
        page.locator("#name").fill("Webbläsartestets spår");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#tracks")).containsText("Webbläsartestets spår");
        assertThat(page.locator("[role=status]")).containsText("Spåret är tillagt.");
        checkAccessibility();

        page.locator("a[hreflang=en]").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#tracks-heading")).hasText("Thematic tracks");
        assertThat(page.locator("#tracks")).containsText("Webbläsartestets spår");
        checkAccessibility();

        page.navigate("/accessibility");
        assertThat(page.locator("h1")).hasText("Accessibility statement");
        checkAccessibility();

        assertThat(checkedPages()).hasSizeGreaterThanOrEqualTo(7);
    }

    @Test
    void aFormWithErrorsNamesThemAndStaysAccessible() {
        loginAs("sekreterare");
        page.navigate("/admin/projects/new");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#error-summary")).isVisible();
        assertThat(page.locator("#name-error")).hasText("Fältet måste fyllas i.");
        assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
        checkAccessibility();
    }
}
