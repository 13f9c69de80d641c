package se.kompetensportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import se.kompetensportal.shared.web.Formats;

/**
 * The portal's clock in tests: the real time, moved forward by a test that needs a job to find something due (a
 * reminder two days before the start, an evaluation two hours after the last session). Every bean that asks for a
 * {@link Clock} gets this one. A test that moves it puts it back with {@link #reset()} (for instance in
 * {@code @AfterEach}), because the application context is shared.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final ZoneId zone;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the clock this far ahead of the real time. */
    public void advance(Duration by) {
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Back to the real time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // A view in another zone that follows this clock, moved or not.
        return other.equals(zone) ? this : new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return TestClock.this.withZone(z);
            }

            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }
        };
    }

    /** Registers the test clock as the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(Formats.ZONE);
        }
    }
}
