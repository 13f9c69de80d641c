package se.kompetensportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR CPU profile of whatever runs in this JVM during a task: the hottest methods, self and inclusive. Uses JDK 25's
 * CPU-time sampler ({@code jdk.CPUTimeSample}, Linux) when it gives samples, so that a busy machine, where request
 * threads are often waiting for a core, still yields samples in proportion to the CPU they use; else the periodic
 * execution sampler. Stacks are cut at 64 frames unless the JVM runs with
 * {@code -XX:FlightRecorderOptions:stackdepth=256} (add it to {@code bench.args}).
 */
final class Profile {

    private Profile() {
    }

    static void of(Callable<?> task) throws Exception {
        Path file = Files.createTempFile("kp-profile-", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(5));
            recording.enable("jdk.CPUTimeSample").with("throttle", "2ms");
            recording.start();
            task.call();
            recording.stop();
            recording.dump(file);
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        String kind = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample"))
                ? "jdk.CPUTimeSample" : "jdk.ExecutionSample";
        String threadField = kind.equals("jdk.CPUTimeSample") ? "eventThread" : "sampledThread";
        for (RecordedEvent event : events) {
            if (event.getStackTrace() == null || !event.getEventType().getName().equals(kind)) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            String thread = event.getThread(threadField) == null ? "" : event.getThread(threadField).getJavaName();
            if (thread == null || !thread.contains("exec")) {
                continue;
            }
            samples++;
            self.merge(name(frames.getFirst()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        int total = samples;
        System.out.printf("%nProfile: %d samples (%s) of request threads (%s)%n", total, kind, file);
        System.out.println("Self:");
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.println("Inclusive (portal, Thymeleaf, Spring, Hibernate, JDBC):");
        inclusive.entrySet().stream()
                .filter(e -> e.getKey().matches("(se\\.kompetensportal|org\\.thymeleaf|org\\.springframework|org\\.hibernate|org\\.postgresql|com\\.zaxxer).*"))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(60)
                .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
