package se.kompetensportal.actors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actors' message keys are their own: the bundles are searched in order and the first one that has a key wins, so
 * a key another module's bundle also defines would show that module's text on the actor pages.
 */
class ActorsBundleTest {

    @Test
    void noOtherBundleDefinesAnActorsKey() throws IOException {
        Path dir = Path.of("src/main/resources/i18n");
        Set<String> ours = keys(dir.resolve("actors.properties"));
        Set<String> others = new HashSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("actors")
                    && !f.getFileName().toString().contains("_")).toList()) {
                others.addAll(keys(file));
            }
        }
        others.retainAll(ours);
        assertThat(others).isEmpty();
    }

    private static Set<String> keys(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties.stringPropertyNames();
    }
}
