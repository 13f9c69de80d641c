package se.kompetensportal.journeys;

import java.time.LocalDate;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor filters the public catalogue, opens an activity and finds what they need to decide; a secretary creates an
 * activity, adds a session and a trainer, publishes it and finds it in the catalogue. Every page passes axe-core.
 */
class CatalogueJourneyBrowserTest extends BrowserTest {

    @Test
    void aVisitorFiltersTheCatalogueAndOpensAnActivity() {
        page.navigate("/");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kurskatalog").setExact(true)).first().click();
        assertThat(page.locator("h1")).hasText("Kurskatalog");
        checkAccessibility();

        page.locator("#track").selectOption(new SelectOption().setLabel("2. Jämställdhet i kulturmötet"));
        page.locator("main form[role=search] button[type=submit]").click();
        page.waitForURL(url -> url.contains("track="));
        Locator results = page.locator("main .catalogue-list h3 a");
        assertThat(results.first()).isVisible();
        assertThat(page.locator("main .catalogue-list")).containsText("Jämställdhet i kulturmötet");
        assertThat(page.locator("main .catalogue-list")).not().containsText("Att leda i mångfald");
        checkAccessibility();

        String title = results.first().textContent();
        results.first().click();
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("#signup-heading")).isVisible();
        assertThat(page.locator("main")).containsText("platser kvar");
        assertThat(page.locator("#sessions-heading")).isVisible();
        assertThat(page).hasTitle(title + " – IKO – Kompetensportalen");
        assertThat(page.locator("meta[name=description]")).hasAttribute("content",
                java.util.regex.Pattern.compile(".{20,}"));
        checkAccessibility();

        page.navigate("/activities/archive");
        assertThat(page.locator("h1")).hasText("Arkiv – genomförda aktiviteter");
        checkAccessibility();

        page.locator("#q").fill("chefsutbildning");
        page.locator("main form[role=search] button[type=submit]").click();
        assertThat(page.locator("main .catalogue-list")).containsText("Att leda i mångfald – chefsutbildning");

        page.navigate("/activities/print");
        page.locator("main form button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("Kurskatalog");
        checkAccessibility();
    }

    @Test
    void aSecretaryRegistersAndPublishesAnActivity() {
        String title = "Webbläsarkurs i bemötande " + System.nanoTime() % 100000;
        LocalDate first = LocalDate.now(Formats.ZONE).plusDays(45);
        loginAs("sekreterare");
        adminMenu("Aktiviteter");
        assertThat(page.locator("h1")).hasText("Aktiviteter");
        checkAccessibility();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny aktivitet")).click();
        checkAccessibility();
        page.locator("main a", new Page.LocatorOptions().setHasText("IKO – Vi blir fler")).click();
        assertThat(page.locator("h1")).hasText("Ny aktivitet i IKO");
        checkAccessibility();

        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#error-summary")).isVisible();
        assertThat(page.locator("#title-error")).hasText("Fältet måste fyllas i.");
        checkAccessibility();

        page.locator("#trackId").selectOption(new SelectOption().setLabel("1. Interkulturell kompetens för ett bra bemötande"));
        page.locator("#kind").selectOption("COURSE");
        page.locator("#title").fill(title);
        page.locator("#description").fill("Om bemötande.\n\n- Teori\n- Övningar");
        page.getByLabel("2 Personal som möter allt fler nyanlända i sitt arbete").check();
        page.locator("#sessionDate").fill(first.toString());
        page.locator("#sessionStart").fill("09:00");
        page.locator("#sessionEnd").fill("12:00");
        page.locator("#venueName").fill("Kalmar läns museum");
        page.locator("#venueCity").fill("Kalmar");
        page.locator("#seats").fill("20");
        page.locator("#targetParticipants").fill("18");
        page.locator("#registrationCloses").fill(first.minusDays(3) + "T12:00");
        page.locator("#cancellationDeadline").fill(first.minusDays(5) + "T12:00");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("h1")).hasText(title);
        assertThat(page.locator("[role=status]").first()).containsText("Aktiviteten är skapad som utkast.");
        checkAccessibility();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lägg till tillfälle")).click();
        checkAccessibility();
        page.locator("#date").fill(first.plusDays(7).toString());
        page.locator("#start").fill("13:00");
        page.locator("#end").fill("16:00");
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#sessions")).containsText("Tillfällen: 2, sammanlagt 6 timmar");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lägg till utbildare")).click();
        checkAccessibility();
        page.locator("#name").fill("Webb Utbildare");
        page.getByLabel("Extern", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Kvinna").check();
        page.locator("main button[type=submit]").click();
        assertThat(page.locator("#trainers")).containsText("Webb Utbildare");

        page.locator("main form[action$='/publish'] button").click();
        assertThat(page.locator("[role=status]").first()).containsText("Aktiviteten är publicerad");
        checkAccessibility();

        String detail = page.url();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Kopiera").setExact(true)).click();
        assertThat(page.locator("#firstDate")).isVisible();
        checkAccessibility();
        page.navigate(detail + "/cancel");
        assertThat(page.locator("#reason")).isVisible();
        checkAccessibility();

        page.navigate("/admin/activities/balance");
        assertThat(page.locator("h1")).hasText("Könsfördelning bland utbildare");
        checkAccessibility();

        page.navigate("/activities?q=" + title.replace(' ', '+'));
        page.locator("main .catalogue-list a", new Page.LocatorOptions().setHasText(title)).click();
        assertThat(page.locator("main")).containsText("20 av 20 platser kvar");
        assertThat(page.locator("main ul li").filter(new Locator.FilterOptions().setHasText("Övningar"))).isVisible();
        checkAccessibility();
        assertThat(checkedPages()).hasSizeGreaterThanOrEqualTo(11);
    }
}
