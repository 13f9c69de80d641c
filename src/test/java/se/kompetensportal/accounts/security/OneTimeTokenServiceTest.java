package se.kompetensportal.accounts.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.ott.OneTimeTokenService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in links' token service, as the portal configures it, stops every thread it started when the context
 * closes: a thread left running kept the JVM of a portal whose start had failed alive, doing nothing.
 */
class OneTimeTokenServiceTest {

    @Test
    void closingTheServiceStopsItsCleanUpThreads() throws Exception {
        // Portals of other tests in this JVM have their own: only the threads started here count.
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        OneTimeTokenService service = new SecurityConfiguration().oneTimeTokenService(
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));
        // What the context does with the bean: initialise it if it asks to be, and destroy it when closing.
        if (service instanceof InitializingBean initializing) {
            initializing.afterPropertiesSet();
        }
        assertThat(started(before)).isNotEmpty();

        ((DisposableBean) service).destroy();

        for (Thread started : started(before)) {
            started.join(Duration.ofSeconds(10));
        }
        assertThat(started(before)).isEmpty();
    }

    /** The clean-up threads alive now that were not there before. */
    private static List<Thread> started(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive() && t.getName().startsWith("spring-one-time-tokens-"))
                .toList();
    }
}
