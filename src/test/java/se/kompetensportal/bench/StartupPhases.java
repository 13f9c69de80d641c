package se.kompetensportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a start of the portal went, from its log: the time since the JVM started at which each phase ended (the log's
 * timestamps, anchored by Spring Boot's "Started … (process running for N)").
 */
final class StartupPhases {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

    /** A phase ends at the first log line containing its marker (the demo data: at the last such line). */
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("Starting ", "JVM up, Spring Boot starting");
        PHASES.put("Embedded PostgreSQL running", "embedded PostgreSQL ready (initdb, start)");
        PHASES.put("Successfully applied", "Flyway migrations applied");
        PHASES.put("Initialized JPA EntityManagerFactory", "Hibernate ready");
        PHASES.put("Tomcat started", "web server accepting connections");
        PHASES.put("Started ", "context refreshed (liveness CORRECT)");
        PHASES.put("Demo ", "last demo data loaded (readiness follows)");
    }

    private StartupPhases() {
    }

    /** Table rows, or nothing if the log has no "Started" line. */
    static String table(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        Instant jvmStart = null;
        for (String line : lines) {
            Matcher m = STARTED.matcher(line);
            if (m.find()) {
                jvmStart = timestamp(line).minus(Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000)));
            }
        }
        if (jvmStart == null) {
            return "";
        }
        StringBuilder rows = new StringBuilder();
        for (var phase : PHASES.entrySet()) {
            Instant at = null;
            for (String line : lines) {
                if (line.length() > 24 && line.contains(phase.getKey()) && line.charAt(4) == '-') {
                    at = timestamp(line);
                    if (!phase.getKey().equals("Demo ")) {
                        break;
                    }
                }
            }
            if (at != null) {
                rows.append(String.format(Locale.ROOT, "| … %s | %.1f s | since the JVM started (its log) |%n",
                        phase.getValue(), Duration.between(jvmStart, at).toMillis() / 1000.0));
            }
        }
        return rows.toString();
    }

    private static Instant timestamp(String line) {
        return Instant.parse(line.substring(0, line.indexOf(' ')));
    }
}
