package se.kompetensportal.journeys;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's start page (issue 17) at 1280 and 375 px: the cards of the role, the header on one line at 1280 px and
 * behind the menu button at 375 px, no serious or critical axe-core violation, and a link of each card leads to a
 * page that works. With -Dkp.screenshots=DIR the pages are saved to look at.
 */
class StartPageJourneyBrowserTest extends BrowserTest {

    private static final List<String> MAIN_PAGES = List.of("/", "/activities", "/dashboard", "/my/activities",
            "/my-organisation", "/dialog-fund/my", "/admin/actor-plans", "/admin/collaboration-projects");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sekreterare", "styrgrupp", "kontakt", "deltagare", "sokande", "utbildare", "admin"})
    void eachRolesStartPageWorksAtBothWidths(String user) {
        loginAs(user);
        for (int width : new int[] {1280, 375}) {
            page.setViewportSize(width, 900);
            page.navigate("/");
            assertThat(page.locator("h1")).hasText("Välkommen till Kompetensportalen");
            checkAccessibility();
            if (width == 1280) {
                // One line: the header is no taller than the brand's line, and nothing sticks out to the right.
                double height = page.locator("header nav").boundingBox().height;
                assertThat(height).as("header height of " + user).isLessThan(70);
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                        .as("page width of " + user).isLessThanOrEqualTo(1280);
            } else {
                assertThat(page.locator("header .navbar-toggler")).isVisible();
                page.locator("header .navbar-toggler").click();
                assertThat(page.locator("#main-nav")).isVisible();
                assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                        .as("page width of " + user + " at 375 px").isLessThanOrEqualTo(375);
            }
            shot(user + "-" + width + "-home");
            for (String path : MAIN_PAGES.subList(1, MAIN_PAGES.size())) {
                var response = page.navigate(path);
                if (response.status() == 200) {
                    assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
                            .as(path + " of " + user + " at " + width + " px").isLessThanOrEqualTo(width);
                    shot(user + "-" + width + path.replace('/', '_'));
                }
            }
        }
    }

    @Test
    void theSecretaryGoesFromTheStartPageStraightToTheWork() {
        loginAs("sekreterare");
        page.navigate("/");
        page.locator("main section.card:has(h2:text-is('Dialogpotten')) ul a").first().click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/dialog-fund/applications/\\d+"));
        checkAccessibility();
        page.navigate("/admin/activities");
        page.locator("main table a").first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reservlista")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sign-ups#waiting-heading"));
        checkAccessibility();
    }

    @Test
    void anonymousVisitorsSeeProjectsAndNextActivities() {
        for (int width : new int[] {1280, 375}) {
            page.setViewportSize(width, 900);
            page.navigate("/");
            assertThat(page.locator("main")).containsText("Mobilisering Kalmar län");
            checkAccessibility();
            shot("anonymous-" + width + "-home");
        }
    }

    private void shot(String name) {
        String dir = System.getProperty("kp.screenshots");
        if (dir != null) {
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of(dir, name + ".png")));
        }
    }
}
