package se.kompetensportal.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One headless Chromium for every browser journey of a test JVM, handed to {@link BrowserTest} as a {@link Browser}
 * parameter. Each {@code Playwright.create} unpacks Playwright's driver (some 130 MB) and starts a Node process, and
 * each launch starts a browser: once per run instead of once per class. The browser is closed when the test run ends
 * (it lives in the root store of the run), and launched again if it ever went away. Tests stay apart because each gets
 * a {@link com.microsoft.playwright.BrowserContext} of its own (cookies, storage, viewport). Playwright must be called
 * from the thread that created it: the journeys run on JUnit's one thread.
 */
public final class SharedChromium implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedChromium.class);

    private static final List<String> CHROMIUM_FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
            "--disable-quic", "--disable-dev-shm-usage");

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        Running running = store.computeIfAbsent(Running.class, type -> Running.launch(), Running.class);
        if (!running.browser().isConnected()) {
            store.remove(Running.class, Running.class).close();
            running = store.computeIfAbsent(Running.class, type -> Running.launch(), Running.class);
        }
        return running.browser();
    }

    /** The driver and the browser; closed by JUnit at the end of the run. */
    private record Running(Playwright playwright, Browser browser) implements AutoCloseable {

        static Running launch() {
            Optional<Path> chromium = systemChromium();
            Map<String, String> env = new HashMap<>();
            chromium.ifPresent(c -> env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
            Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    .setArgs(CHROMIUM_FLAGS);
            chromium.ifPresent(options::setExecutablePath);
            return new Running(playwright, playwright.chromium().launch(options));
        }

        @Override
        public void close() {
            try {
                browser.close();
            } finally {
                playwright.close();
            }
        }
    }

    /** Debian's {@code /usr/bin/chromium}, or the browser named by {@code KP_CHROMIUM}; else Playwright's own. */
    private static Optional<Path> systemChromium() {
        String configured = System.getenv("KP_CHROMIUM");
        return Stream.of(configured, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> p != null && !p.isBlank())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }
}
