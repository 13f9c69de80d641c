package se.kompetensportal.support;

import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser journeys: a real headless Chromium (Debian's {@code /usr/bin/chromium}, or the browser named by
 * {@code KP_CHROMIUM}; with neither, Playwright's own download) drives the running portal. One browser serves every
 * journey of the run ({@link SharedChromium}); each test gets a fresh browser context (no cookies, no storage).
 * {@link #checkAccessibility()} runs axe-core on the current page and fails on any violation of impact serious or
 * critical (WCAG 2.1 A and AA rules and axe's best practices).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedChromium.class)
public abstract class BrowserTest extends PortalIntegrationTest {

    private static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

    @LocalServerPort
    protected int port;

    private Browser browser;
    private BrowserContext context;
    protected Page page;
    private final List<String> checkedPages = new ArrayList<>();

    @BeforeAll
    void useBrowser(Browser shared) {
        browser = shared;
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port)
                .setLocale("sv-SE").setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected void loginAs(String localPart) {
        page.navigate("/login");
        page.locator("#email").fill(localPart + TestUsers.DEMO_DOMAIN);
        page.locator("#password").fill(TestUsers.DEMO_PASSWORD);
        page.locator("form[action='/login'] button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Opens the staff menu ("Administration") in the header and follows one of its links. */
    protected void adminMenu(String item) {
        page.locator("header .dropdown-toggle").click();
        page.locator("header .dropdown-menu a", new Page.LocatorOptions().setHasText(item)).first().click();
    }

    /** Runs axe-core on the current page; fails on violations of impact serious or critical. */
    protected void checkAccessibility() {
        // A click that submits a form returns before the next page has its stylesheets: on a busy machine axe then saw
        // the header's white text on a still unstyled (white) bar. Wait for the page to be loaded, styles included.
        page.waitForLoadState(LoadState.LOAD);
        AxeResults results = axe().analyze();
        // The integration reports a failed analysis as a result without violations: that must not pass.
        assertThat(results.isErrored()).as("axe-core failed on " + page.url() + ": " + results.getErrorMessage())
                .isFalse();
        List<String> serious = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                serious.add(violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at "
                        + violation.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
            }
        }
        checkedPages.add(page.url());
        assertThat(serious).as("axe-core violations on " + page.url()).isEmpty();
    }

    protected List<String> checkedPages() {
        return checkedPages;
    }

    /**
     * The analysis of the page with every rule of {@link #AXE_TAGS}. axe-core's own Playwright integration by default
     * runs each frame's part separately and then joins the parts in a fresh blank page of its own, with axe injected
     * twice and every passed check's nodes sent back and forth: three times the cost of one {@code axe.run} in the
     * page. Our pages have no frames, so one run in the page (the integration's "legacy" mode) covers the same rules
     * and elements; a page that ever has frames gets the integration's per-frame analysis. Only violations are what
     * the check reads, so axe builds its (costly) selectors for the nodes of violations only.
     */
    private AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeBuilder axe = new AxeBuilder(page).options(options).withTags(AXE_TAGS);
        return page.frames().size() == 1 ? axe.setLegacyMode(true) : axe;
    }
}
