package se.kompetensportal.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser journeys: a real headless Chromium (Debian's {@code /usr/bin/chromium}, or the browser named by
 * {@code KP_CHROMIUM}; with neither, Playwright's own download) drives the running portal. {@link #checkAccessibility()}
 * runs axe-core on the current page and fails on any violation of impact serious or critical (WCAG 2.1 A and AA rules).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest extends PortalIntegrationTest {

    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
            "--disable-quic", "--disable-dev-shm-usage");

    @LocalServerPort
    protected int port;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    protected Page page;
    private final List<String> checkedPages = new ArrayList<>();

    @BeforeAll
    void launchBrowser() {
        Optional<Path> chromium = systemChromium();
        Map<String, String> env = new HashMap<>();
        chromium.ifPresent(c -> env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true).setArgs(CHROMIUM_FLAGS);
        chromium.ifPresent(options::setExecutablePath);
        browser = playwright.chromium().launch(options);
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

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
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
        AxeResults results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"))
                .analyze();
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

    private static Optional<Path> systemChromium() {
        String configured = System.getenv("KP_CHROMIUM");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
