package se.kompetensportal.shared.db;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before any bean exists, whether the portal runs on its embedded PostgreSQL: it does when no
 * {@code spring.datasource.url} is configured and {@code kp.embedded-db.enabled} is not false. Demo data is then on by
 * default; with an external database it is off unless {@code kp.demo.enabled=true} is set explicitly.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String ACTIVE = "kp.embedded-db.active";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean urlConfigured = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean enabled = environment.getProperty("kp.embedded-db.enabled", Boolean.class, true);
        boolean active = enabled && !urlConfigured;
        // Lowest precedence: anything the operator sets explicitly wins over these defaults.
        environment.getPropertySources().addLast(new MapPropertySource("kp-embedded-db-defaults",
                Map.of(ACTIVE, Boolean.toString(active), "kp.demo.enabled", Boolean.toString(active))));
    }
}
