package se.kompetensportal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.kompetensportal.shared.web.Formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal and its embedded PostgreSQL killed with {@code kill -9} in the middle of a sign-up rush, then started
 * again on the same data, run as users run it (the application's own settings, no test profile):
 * <ul>
 * <li>every sign-up that was answered is there, and every sign-up there has exactly one mail in the outbox;</li>
 * <li>pending mail flows again within a minute of the restart (a dead instance's claim runs out, no job lock waits);
 * </li>
 * <li>each mail reaches the SMTP server once; only a mail that was in the middle of being sent when the process died
 * may arrive twice, with the same Message-ID.</li>
 * </ul>
 * Both runs are JVMs of their own, started from the test; the test reads the database over JDBC.
 */
class CrashSafetyTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SIGNED_UP = Pattern.compile("/my/activities/(\\d+)$");
    private static final int PEOPLE = 60;
    private static final String PASSWORD = java.util.UUID.randomUUID().toString();

    @TempDir
    Path dir;

    private GreenMail mail;
    private Process portal;
    private final List<ProcessHandle> database = new ArrayList<>();
    private Process restarted;

    @AfterEach
    void cleanUp() {
        if (portal != null) {
            portal.destroyForcibly();
        }
        database.forEach(ProcessHandle::destroyForcibly);
        if (restarted != null) {
            // A normal stop, which stops its database too.
            restarted.destroy();
            try {
                if (!restarted.waitFor(60, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly();
                }
            } catch (InterruptedException e) {
                restarted.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void killedDuringASignUpRushTheRestartedPortalKeepsEveryAnsweredSignUpAndSendsEachMailOnce() throws Exception {
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path data = dir.resolve("pg");
        int dbPort = freePort();
        Map<String, String> settings = settings(data, dbPort);

        Instant t0 = Instant.now();
        portal = startSeparateJvm(settings, Path.of("target", "CrashSafetyTest-first-run.log"));
        String base = "http://localhost:" + settings.get("server.port");
        awaitHealthy(base, portal);
        Instant started = Instant.now();
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", ""));
        long activity = fixture(db);

        List<Client> people = signIn(base, activity);
        Instant signedIn = Instant.now();
        Map<String, Long> answered = new ConcurrentHashMap<>();
        rushAndKill(people, activity, answered, data);
        assertThat(answered).as("sign-ups answered before the kill").isNotEmpty();
        int receivedBeforeKill = mail.getReceivedMessages().length;

        Instant restartAt = Instant.now();
        restarted = startSeparateJvm(settings, Path.of("target", "CrashSafetyTest-restart.log"));
        awaitHealthy(base, restarted);
        Instant upAt = Instant.now();

        assertThat(Map.of("fsync", show(db, "fsync"), "synchronous_commit", show(db, "synchronous_commit"),
                "full_page_writes", show(db, "full_page_writes")))
                .as("the settings the crash was survived with").containsOnly(Map.entry("fsync", "on"),
                        Map.entry("synchronous_commit", "on"), Map.entry("full_page_writes", "on"));

        Set<Long> saved = Set.copyOf(db.queryForList("select id from sign_up where activity_id = ?", Long.class,
                activity));
        assertThat(saved).as("every answered sign-up survived").containsAll(answered.values());
        Map<String, Long> mailsPerPerson = db.queryForList("""
                select p.email, (select count(*) from outbox_message m where m.recipient = p.email
                                  and m.category in ('participants.confirmed', 'participants.waiting'))
                from sign_up s join person p on p.id = s.person_id where s.activity_id = ?""", activity).stream()
                .collect(Collectors.toMap(r -> (String) r.get("email"), r -> ((Number) r.get("count")).longValue()));
        assertThat(mailsPerPerson).as("one mail per sign-up").hasSize(saved.size()).allSatisfy((who, n) ->
                assertThat(n).as(who).isEqualTo(1));
        assertThat(db.queryForObject("""
                select count(*) from outbox_message where category in ('participants.confirmed', 'participants.waiting')""",
                Integer.class)).as("no mail without its sign-up").isEqualTo(saved.size());

        // Pending mail flows again within a minute of the restart, the mail being sent at the kill included.
        JdbcTemplate restartedDb = db;
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() -> restartedDb
                .queryForObject("select count(*) from outbox_message where status <> 'SENT'", Integer.class) == 0);
        Duration flowing = Duration.between(upAt, Instant.now());

        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            copies.merge(m.getMessageID(), 1, Integer::sum);
        }
        List<String> sent = db.queryForList("""
                select '<outbox.' || id || '.' || floor(extract(epoch from created_at) * 1000)::bigint
                       || '@kompetensportal.invalid>' from outbox_message""", String.class);
        assertThat(copies.keySet()).as("every mail reached the server").containsExactlyInAnyOrderElementsOf(sent);
        List<String> twice = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(twice).as("only the mail being sent at the kill may arrive twice").hasSizeLessThanOrEqualTo(1);
        assertThat(copies.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));

        System.out.printf("Crash safety: start %d s, sign-in %d s, rush until the kill %d s; %d of %d sign-ups answered "
                        + "before kill -9, %d saved; %d mails received before the kill; the restart took %d s; all %d "
                        + "mails sent %d s after it; delivered twice: %s%n", Duration.between(t0, started).toSeconds(),
                Duration.between(started, signedIn).toSeconds(), Duration.between(signedIn, restartAt).toSeconds(),
                answered.size(), PEOPLE, saved.size(), receivedBeforeKill, Duration.between(restartAt, upAt).toSeconds(),
                sent.size(), flowing.toSeconds(), twice);
    }

    /** The settings both runs use: the application's own, plus where the data, the ports and the mail server are. */
    private Map<String, String> settings(Path data, int dbPort) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("server.port", Integer.toString(freePort()));
        settings.put("kp.embedded-db.data-dir", data.toString());
        settings.put("kp.embedded-db.port", Integer.toString(dbPort));
        settings.put("kp.demo.enabled", "false");
        settings.put("kp.admin.email", "crash-admin@example.se");
        settings.put("kp.admin.password", PASSWORD);
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", Integer.toString(mail.getSmtp().getPort()));
        settings.put("kp.mail.send-interval", "PT0.5S");
        // Shorter than the default 45 s, to keep the test quick: the mail being sent at the kill waits for this lease.
        settings.put("kp.mail.claim-lease", "PT20S");
        settings.put("spring.main.banner-mode", "off");
        settings.put("kp.participants.reminder-cron", "-");
        settings.put("kp.surveys.cron", "-");
        return settings;
    }

    private static Process startSeparateJvm(Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quicker to start; the run only has to take a rush of requests.
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), KompetensportalApplication.class.getName()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits for the portal to answer healthy. How long a start takes is no guarantee under test (about 30 s on two
     * quiet cores); the bound only stops a portal that never comes up. It is wide because the test JVMs run side by
     * side: a restart with crash recovery, next to the other JVM starting its own portal on a busy shared machine
     * (load average 20), has taken just over 3 minutes.
     */
    private static void awaitHealthy(String base, Process process) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited with " + process.exitValue());
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A project, an activity with 30 seats (the rest wait) and the people of the rush, as their own users. */
    private static long fixture(JdbcTemplate db) {
        long project = db.queryForObject("select nextval('project_seq')", Long.class);
        db.update("insert into project (id, name, short_name, owner_organisation, start_date, end_date) "
                + "values (?, 'Krascheprojektet', 'KRA', 'Testkommunen', current_date - 30, current_date + 365)", project);
        long track = db.queryForObject("select nextval('track_seq')", Long.class);
        db.update("insert into track (id, project_id, position, name) values (?, ?, 1, 'Spår')", track, project);
        long activity = db.queryForObject("select nextval('activity_seq')", Long.class);
        LocalDate day = LocalDate.now(Formats.ZONE).plusDays(30);
        Instant start = day.atTime(9, 0).atZone(Formats.ZONE).toInstant();
        Instant end = day.atTime(16, 0).atZone(Formats.ZONE).toInstant();
        db.update("""
                insert into activity (id, project_id, track_id, kind, title, level, language, seats, target_participants,
                                      registration_closes, cancellation_deadline, status, published_at, first_start,
                                      last_end, session_count, total_minutes, venue_name, venue_city)
                values (?, ?, ?, 'COURSE', 'Rusningen', 'BASIC', 'sv', 30, 30, ?, ?, 'PUBLISHED', now(), ?, ?, 1, 420,
                        'Stadshuset', 'Kalmar')""", activity, project, track,
                Timestamp.from(start.minus(Duration.ofDays(2))), Timestamp.from(start.minus(Duration.ofDays(3))),
                Timestamp.from(start), Timestamp.from(end));
        db.update("insert into activity_session (id, activity_id, starts_at, ends_at) "
                + "values (nextval('activity_session_seq'), ?, ?, ?)", activity, Timestamp.from(start),
                Timestamp.from(end));
        db.update("""
                insert into app_user (id, email, display_name, password_hash)
                select nextval('app_user_seq'), 'rush-' || g || '@crash.example', 'Rusning ' || g, '{noop}%s'
                from generate_series(1, ?) g""".formatted(PASSWORD), PEOPLE);
        db.update("insert into app_user_role (user_id, role) select id, 'PARTICIPANT' from app_user "
                + "where email like 'rush-%@crash.example'");
        return activity;
    }

    private static List<Client> signIn(String base, long activity) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Client>> clients = new ArrayList<>();
            for (int i = 1; i <= PEOPLE; i++) {
                String email = "rush-" + i + "@crash.example";
                clients.add(pool.submit(() -> {
                    Client c = new Client(base);
                    c.csrfFrom("/login");
                    HttpResponse<String> login = c.post("/login", Map.of("email", email, "password", PASSWORD));
                    assertThat(login.statusCode()).as("login of " + email).isEqualTo(302);
                    c.csrfFrom("/activities/" + activity + "/sign-up");
                    return c;
                }));
            }
            List<Client> result = new ArrayList<>();
            for (Future<Client> c : clients) {
                result.add(c.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Everyone posts the sign-up form at once from 16 clients; when a third have been answered, the portal's JVM and
     * every process of its database are killed with SIGKILL. Answers (a redirect to the sign-up's page) are recorded
     * with the sign-up's id.
     */
    private void rushAndKill(List<Client> people, long activity, Map<String, Long> answered, Path data)
            throws Exception {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().trim());
        ProcessHandle.of(postmaster).ifPresent(p -> {
            database.add(p);
            p.descendants().forEach(database::add);
        });
        CountDownLatch third = new CountDownLatch(PEOPLE / 3);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<String, String> form = Map.of("firstName", "Rusa", "lastName", "Kraschsson", "gender", "WOMAN",
                "employerName", "Kraschföreningen");
        for (Client c : people) {
            pool.submit(() -> {
                try {
                    HttpResponse<String> response = c.post("/activities/" + activity + "/sign-up", form);
                    Matcher id = SIGNED_UP.matcher(response.headers().firstValue("Location").orElse(""));
                    if (response.statusCode() == 302 && id.find()) {
                        answered.put(c.name, Long.parseLong(id.group(1)));
                        third.countDown();
                    }
                } catch (IOException | InterruptedException e) {
                    // the portal was killed with this request in flight: not answered
                }
                return null;
            });
        }
        assertThat(third.await(2, TimeUnit.MINUTES)).as("a third of the rush answered").isTrue();
        // Everything at once: the JVM and each database process (the backends too, or they would finish their work).
        ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(database::add));
        database.forEach(ProcessHandle::destroyForcibly);
        portal.destroyForcibly();
        portal.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle p : database) {
            p.onExit().get(30, TimeUnit.SECONDS);
        }
        database.clear();
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    private static String show(JdbcTemplate db, String setting) {
        return db.queryForObject("show " + setting, String.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One browser: its cookies, the last CSRF token it saw. */
    private static final class Client {
        private final String base;
        private final HttpClient http;
        private String csrf;
        private String name;

        Client(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
        }

        void csrfFrom(String page) throws Exception {
            String html = http.send(HttpRequest.newBuilder(URI.create(base + page)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = CSRF.matcher(html);
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on " + page);
            }
            csrf = m.group(1);
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            if (fields.containsKey("email")) {
                name = fields.get("email");
            }
            String body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                    + "&_csrf=" + enc(csrf);
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
