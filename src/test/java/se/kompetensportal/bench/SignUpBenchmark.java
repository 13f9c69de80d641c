package se.kompetensportal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.shared.web.Formats;

/**
 * Benchmark of sign-ups and of the sign-up export (docs/benchmarks.md). Starts the portal on a temporary embedded
 * PostgreSQL with the demo data and the portal's own settings (connection pool, Tomcat threads), signs 1 000 people in
 * over HTTP, lets them sign up for another activity to warm the JVM up, and then fires their sign-ups for one
 * 30-seat activity at once from 64 clients (every request a real form
 * post over loopback, session cookie and CSRF token and all). It prints throughput, latency percentiles, the CPU the
 * portal, its PostgreSQL and everything else on the machine used during the rush, and the load average; then checks
 * the outcome: exactly 30 confirmed, no error, the waiting list numbered 1..970, and each person told (on the result
 * page and in the waiting mail) a position that no one else was told and that is their place in the final list. Then
 * ten of the seated cancel while ten new people sign up, all at once, and a watcher reading the database throughout
 * must never see a free seat while someone waits. Last, 100 000 sign-ups are written for one activity and the Excel
 * export is timed while the heap is sampled.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec -Dbench.main=se.kompetensportal.bench.SignUpBenchmark
 * -Dbench.args=""}. Settings: {@code people} (1000), {@code seats} (30), {@code clients} (concurrent requests, 64),
 * {@code racers} (cancellations and new sign-ups in the race, 10 each), {@code warmup} (how many of the people
 * first sign up for another activity, to warm the JVM up, 1000; 0 for a cold start), {@code exportRows} (100000, 0 to skip),
 * {@code virtual} (true: {@code spring.threads.virtual.enabled}), {@code pool} (connection pool size; the portal's
 * default when unset), {@code profile} (true: a JFR profile of the request threads during the rush, {@link Profile}).
 * Prints the SQL statements per sign-up request ({@link StatementCounter}). Exits with status 1 when a check fails.
 */
public final class SignUpBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TOLD_ON_PAGE = Pattern.compile("reservlistan, plats (\\d+)\\.");
    private static final Pattern TOLD_IN_MAIL = Pattern.compile("som nummer (\\d+)\\.");
    /** The password of the benchmark's throw-away users, new for every run. */
    private static final String PASSWORD = java.util.UUID.randomUUID().toString();
    /** One HTTP client for all simulated browsers (each keeps its own cookies), as a load generator would. */
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();

    private SignUpBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int people = Integer.getInteger("people", 1000);
        int seats = Integer.getInteger("seats", 30);
        int clients = Integer.getInteger("clients", 64);
        int racers = Integer.getInteger("racers", 10);
        int exportRows = Integer.getInteger("exportRows", 100_000);
        int warmup = Integer.getInteger("warmup", 1000);
        boolean virtual = Boolean.getBoolean("virtual");
        Integer poolSize = Integer.getInteger("pool");

        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--kp.embedded-db.data-dir=",
                "--kp.demo.enabled=true", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--kp.base-url=http://localhost", "--kp.mail.send-interval=PT1H",
                "--spring.threads.virtual.enabled=" + virtual));
        if (poolSize != null) {
            arguments.add("--spring.datasource.hikari.maximum-pool-size=" + poolSize);
        }
        boolean profile = Boolean.getBoolean("profile");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new StatementCounter()))
                .run(arguments.toArray(String[]::new));
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        String base = "http://localhost:" + port;
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String poolSetting = context.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size");
        String timeoutSetting = context.getEnvironment().getProperty("spring.datasource.hikari.connection-timeout");

        long project = jdbc.queryForObject("select id from project where short_name = 'LFI'", Long.class);
        long activity = activity(jdbc, project, seats, "Benchmark: anmälningsrusning");
        List<String> emails = users(jdbc, people + racers, "bench");
        List<String> rushEmails = emails.subList(0, people);
        List<String> racerEmails = emails.subList(people, people + racers);
        String signUpPage = "/activities/" + activity + "/sign-up";

        System.out.printf(Locale.ROOT, "Signing in %d people ...%n", people + racers);
        long t0 = System.nanoTime();
        List<Client> signedIn = inParallel(16, emails.stream().map(email -> (Task<Client>) () -> {
            Client c = new Client(base, email);
            c.login(email);
            c.prepare(signUpPage);
            return c;
        }).toList());
        List<Client> rush = signedIn.subList(0, people);
        List<Client> newcomers = signedIn.subList(people, people + racers);
        System.out.printf(Locale.ROOT, "Signed in and fetched the form for %d people in %.1f s%n", people + racers,
                (System.nanoTime() - t0) / 1e9);

        Map<String, String> form = Map.of("firstName", "Bänk", "lastName", "Märk", "gender", "WOMAN",
                "employerName", "Benchmarkföreningen");
        if (warmup > 0) {
            // The same people sign up for another activity first, so the rush meets a warm JVM (compiled code), as a
            // portal that has been running would be.
            long warmupActivity = activity(jdbc, project, seats, "Benchmark: uppvärmning");
            String warmupPage = "/activities/" + warmupActivity + "/sign-up";
            long w0 = System.nanoTime();
            List<Integer> warm = inParallel(clients, rush.subList(0, Math.min(warmup, people)).stream()
                    .map(c -> (Task<Integer>) () -> c.post(warmupPage, form).statusCode()).toList());
            System.out.printf(Locale.ROOT, "Warm-up: %d sign-ups for another activity in %.1f s, answers %s%n",
                    warm.size(), (System.nanoTime() - w0) / 1e9, warm.stream()
                            .collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting())));
            for (Client c : rush) {
                c.prepare(signUpPage);
            }
        }
        double[] loadBefore = loadAverage();
        CpuUse cpu = CpuUse.start(jdbc);
        CountDownLatch start = new CountDownLatch(1);
        long[] latencies = new long[people];
        int[] statuses = new int[people];
        String[] locations = new String[people];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                long s = System.nanoTime();
                HttpResponse<String> response = rush.get(n).post(signUpPage, form);
                latencies[n] = System.nanoTime() - s;
                statuses[n] = response.statusCode();
                locations[n] = response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""))
                        .orElse(null);
                return null;
            }));
        }
        long statementsBefore = StatementCounter.STATEMENTS.get();
        long burst = System.nanoTime();
        Callable<Void> wait = () -> {
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
            return null;
        };
        if (profile) {
            Profile.of(wait);
        } else {
            wait.call();
        }
        double seconds = (System.nanoTime() - burst) / 1e9;
        long statements = StatementCounter.STATEMENTS.get() - statementsBefore;
        String cpuUse = cpu.stop() + "; " + cpu.perRequest(people);
        double[] loadAfter = loadAverage();
        pool.shutdown();

        // What each person was told: the result page the browser is sent to (its flash message), and the mail.
        Map<String, Long> toldOnPage = new HashMap<>();
        List<Task<Void>> follow = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int n = i;
            if (statuses[n] == 302 && locations[n] != null && locations[n].contains("/my/activities/")) {
                follow.add(() -> {
                    Matcher m = TOLD_ON_PAGE.matcher(rush.get(n).get(locations[n]).body());
                    if (m.find()) {
                        synchronized (toldOnPage) {
                            toldOnPage.put(rush.get(n).email, Long.parseLong(m.group(1)));
                        }
                    }
                    return null;
                });
            }
        }
        inParallel(8, follow);
        Map<String, Long> toldInMail = new HashMap<>();
        jdbc.query("select recipient, body_text from outbox_message where category = 'participants.waiting' "
                + "and recipient like 'bench-%@bench.invalid' and subject like '%anmälningsrusning%'", rs -> {
                    Matcher m = TOLD_IN_MAIL.matcher(rs.getString(2));
                    if (m.find()) {
                        toldInMail.put(rs.getString(1), Long.parseLong(m.group(1)));
                    }
                });
        Map<String, Long> finalPositions = finalPositions(jdbc, activity);

        int confirmed = count(jdbc, activity, "CONFIRMED");
        int waiting = count(jdbc, activity, "WAITING");
        int taken = seatsTaken(jdbc, activity);
        boolean contiguous = new TreeSet<>(finalPositions.values()).equals(
                LongStream.rangeClosed(1, waiting).boxed().collect(Collectors.toCollection(TreeSet::new)));
        long errors = Arrays.stream(statuses).filter(s -> s != 302).count();
        Map<Integer, Long> byStatus = Arrays.stream(statuses).boxed()
                .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
        boolean toldUnique = new HashSet<>(toldOnPage.values()).size() == toldOnPage.size();
        boolean toldTrue = toldOnPage.size() == waiting && toldOnPage.entrySet().stream()
                .allMatch(e -> e.getValue().equals(finalPositions.get(e.getKey())));
        boolean mailTrue = toldInMail.size() == waiting && toldInMail.entrySet().stream()
                .allMatch(e -> e.getValue().equals(finalPositions.get(e.getKey())));
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);

        System.out.println();
        System.out.printf(Locale.ROOT, "Machine: %d cores, %s %s, Java %s; date %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), LocalDate.now());
        System.out.printf(Locale.ROOT, "Portal: connection pool %s, connection timeout %s ms, %s%n", poolSetting,
                timeoutSetting, virtual ? "virtual threads" : "platform threads (Tomcat max 200)");
        System.out.printf(Locale.ROOT, "Load average (1, 5, 15 min): before %.2f %.2f %.2f, after %.2f %.2f %.2f%n",
                loadBefore[0], loadBefore[1], loadBefore[2], loadAfter[0], loadAfter[1], loadAfter[2]);
        System.out.printf(Locale.ROOT, "Sign-up burst: %d sign-ups for one %d-seat activity, %d concurrent clients, loopback%n",
                people, seats, clients);
        System.out.println("| requests | seconds | req/s | p50 ms | p90 ms | p95 ms | p99 ms | max ms | errors |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %d |%n", people, seconds,
                people / seconds, ms(sorted, 50), ms(sorted, 90), ms(sorted, 95), ms(sorted, 99),
                sorted[people - 1] / 1e6, errors);
        System.out.println("Answers by status: " + byStatus);
        System.out.println("CPU during the burst: " + cpuUse);
        System.out.printf(Locale.ROOT, "SQL statements during the burst: %d, %.1f per sign-up request%n", statements,
                statements / (double) people);
        System.out.printf(Locale.ROOT, "Final counts: %d confirmed, %d waiting (positions 1..%d %s), seats taken %d%n",
                confirmed, waiting, waiting, contiguous ? "without gaps or duplicates" : "NOT CONTIGUOUS", taken);
        System.out.printf(Locale.ROOT, "Positions told: %d on the result page (%s, %s), %d in the waiting mail (%s)%n",
                toldOnPage.size(), toldUnique ? "no two the same" : "DUPLICATES",
                toldTrue ? "each the final place" : "NOT THE FINAL PLACES", toldInMail.size(),
                mailTrue ? "each the final place" : "NOT THE FINAL PLACES");
        boolean ok = confirmed == seats && taken == seats && confirmed + waiting == people && contiguous
                && errors == 0 && toldUnique && toldTrue && mailTrue;

        ok &= race(jdbc, activity, seats, rush, newcomers, locations, signUpPage, form);

        if (exportRows > 0) {
            export(jdbc, base, exportRows);
        }
        context.close();
        System.out.println(ok ? "All checks passed." : "FAILED: see above");
        System.exit(ok ? 0 : 1);
    }

    /**
     * Ten of the seated cancel while ten new people sign up, all at once; a watcher reads the database throughout
     * (one statement, one committed state, each time) and must never see a free seat while someone waits.
     */
    private static boolean race(JdbcTemplate jdbc, long activity, int seats, List<Client> rush, List<Client> newcomers,
            String[] locations, String signUpPage, Map<String, String> form) throws Exception {
        int racers = newcomers.size();
        List<Integer> seated = new ArrayList<>();
        Set<String> confirmedEmails = new HashSet<>(jdbc.queryForList("""
                select p.email from sign_up s join person p on p.id = s.person_id
                where s.activity_id = ? and s.status = 'CONFIRMED'""", String.class, activity));
        for (int i = 0; i < rush.size() && seated.size() < racers; i++) {
            if (confirmedEmails.contains(rush.get(i).email) && locations[i] != null) {
                seated.add(i);
            }
        }
        for (int i : seated) {
            rush.get(i).prepare(locations[i]);
        }
        int waitingBefore = count(jdbc, activity, "WAITING");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        AtomicLong freeWhileWaiting = new AtomicLong();
        Thread watcher = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                reads.incrementAndGet();
                if (Boolean.TRUE.equals(jdbc.queryForObject("""
                        select a.seats_taken < a.seats
                               and exists (select 1 from sign_up s where s.activity_id = a.id and s.status = 'WAITING')
                        from activity a where a.id = ?""", Boolean.class, activity))) {
                    freeWhileWaiting.incrementAndGet();
                }
            }
        });
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * racers);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            int holder = seated.get(r);
            Client newcomer = newcomers.get(r);
            answers.add(pool.submit(() -> {
                start.await();
                return rush.get(holder).post(locations[holder] + "/cancel", Map.of()).statusCode();
            }));
            answers.add(pool.submit(() -> {
                start.await();
                return newcomer.post(signUpPage, form).statusCode();
            }));
        }
        long t0 = System.nanoTime();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) {
            statuses.add(f.get());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        watcher.join();
        pool.shutdown();

        int confirmed = count(jdbc, activity, "CONFIRMED");
        int waiting = count(jdbc, activity, "WAITING");
        int taken = seatsTaken(jdbc, activity);
        long errors = statuses.stream().filter(s -> s != 302).count();
        System.out.printf(Locale.ROOT, "%nRace: %d cancellations and %d new sign-ups at once, %.2f s; answers %s%n",
                racers, racers, seconds, statuses.stream()
                        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting())));
        System.out.printf(Locale.ROOT, "After the race: %d confirmed, %d waiting (before: %d), seats taken %d; the "
                + "watcher read the database %d times and saw a free seat while someone waited %d times%n",
                confirmed, waiting, waitingBefore, taken, reads.get(), freeWhileWaiting.get());
        boolean ok = confirmed == seats && taken == seats && waiting == waitingBefore && errors == 0
                && freeWhileWaiting.get() == 0;
        if (!ok) {
            System.out.println("FAILED: the race left the seats wrong");
        }
        return ok;
    }

    /** Each waiting person's place in the final list, by e-mail address. */
    private static Map<String, Long> finalPositions(JdbcTemplate jdbc, long activity) {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("""
                select p.email, row_number() over (order by s.waiting_since) from sign_up s
                join person p on p.id = s.person_id where s.activity_id = ? and s.status = 'WAITING'""",
                rs -> {
                    positions.put(rs.getString(1), rs.getLong(2));
                }, activity);
        return positions;
    }

    private static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2])};
        } catch (Exception e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {one, Double.NaN, Double.NaN};
        }
    }

    /**
     * CPU used during an interval, from /proc (Linux): the whole machine, this JVM (the portal and the benchmark's
     * clients), the portal's PostgreSQL (its postmaster and backends), and everything else (other work on the
     * machine), in core-seconds and as a share of the cores' time.
     */
    private record CpuUse(long wallStart, long machineStart, long jvmStart, long pgStart, List<Integer> pgPids) {

        private static final double TICKS = 100.0;

        static CpuUse start(JdbcTemplate jdbc) {
            List<Integer> pids = new ArrayList<>(jdbc.queryForList("select pid from pg_stat_activity", Integer.class));
            pids.stream().map(CpuUse::parent).filter(p -> p > 1).distinct().toList().forEach(p -> {
                if (!pids.contains(p)) {
                    pids.add(p);
                }
            });
            return new CpuUse(System.nanoTime(), machineTicks(), jvmNanos(), ticks(pids), pids);
        }

        String stop() {
            double wall = (System.nanoTime() - wallStart) / 1e9;
            double machine = (machineTicks() - machineStart) / TICKS;
            double jvm = (jvmNanos() - jvmStart) / 1e9;
            double pg = (ticks(pgPids) - pgStart) / TICKS;
            double cores = wall * Runtime.getRuntime().availableProcessors();
            return String.format(Locale.ROOT, "%.1f s of %.1f core-seconds busy (%.0f %%): portal JVM with the "
                    + "clients %.1f s, its PostgreSQL %.1f s, other processes %.1f s", machine, cores,
                    100 * machine / cores, jvm, pg, Math.max(0, machine - jvm - pg));
        }

        /** CPU per request of the portal's JVM (with the clients) and of its PostgreSQL, in milliseconds. */
        String perRequest(int requests) {
            return String.format(Locale.ROOT, "%.1f ms in the JVM (portal and clients) and %.1f ms in PostgreSQL per "
                    + "request", (jvmNanos() - jvmStart) / 1e6 / requests, (ticks(pgPids) - pgStart) * 10.0 / requests);
        }

        private static long jvmNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** Busy ticks of all cores (user, nice, system, irq, softirq, steal). */
        private static long machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                    busy += Long.parseLong(f[i]);
                }
                return busy;
            } catch (Exception e) {
                return 0;
            }
        }

        private static long ticks(List<Integer> pids) {
            long sum = 0;
            for (int pid : pids) {
                String[] f = stat(pid);
                if (f != null) {
                    sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
            return sum;
        }

        private static int parent(int pid) {
            String[] f = stat(pid);
            return f == null ? -1 : Integer.parseInt(f[1]);
        }

        /** The fields of /proc/[pid]/stat after the command name: state is [0], ppid [1], utime [11], stime [12]. */
        private static String[] stat(int pid) {
            try {
                String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
                return s.substring(s.lastIndexOf(')') + 2).trim().split("\\s+");
            } catch (Exception e) {
                return null;
            }
        }
    }

    /** Writes n sign-ups for one activity with SQL and times the Excel export while sampling the heap. */
    private static void export(JdbcTemplate jdbc, String base, int rows) throws Exception {
        long activity = exportActivity(jdbc, rows);
        Client admin = new Client(base);
        admin.login("admin@kompetensportal.example", "Kompetens2026");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        });
        long e0 = System.nanoTime();
        HttpResponse<byte[]> xlsx = admin.download("/admin/activities/" + activity + "/sign-ups/export.xlsx");
        double exportSeconds = (System.nanoTime() - e0) / 1e9;
        running.set(false);
        sampler.join();
        System.out.println("| export | rows | seconds | size | heap before | peak heap during | max heap |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| Excel (.xlsx), status %d | %d | %.1f | %d kB | %d MB | %d MB | %d MB |%n",
                xlsx.statusCode(), rows, exportSeconds, xlsx.body().length / 1024, baseline / (1024 * 1024),
                peak.get() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** An LFI activity with {@code rows} confirmed sign-ups of new people, written with SQL (for the export). */
    static long exportActivity(JdbcTemplate jdbc, int rows) {
        long project = jdbc.queryForObject("select id from project where short_name = 'LFI'", Long.class);
        long activity = activity(jdbc, project, rows, "Benchmark: exportlista");
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into person (id, email, first_name, last_name, employer_name, job_title, gender)
                select nextval('person_seq'), 'export-' || g || '@bench.invalid', 'Förnamn' || g, 'Efternamn' || g,
                       'Organisation ' || (g % 200), 'Befattning', case when g % 2 = 0 then 'WOMAN' else 'MAN' end
                from generate_series(1, ?) g""", rows);
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, manage_token, special_needs)
                select nextval('sign_up_seq'), ?, ?, p.id, 'CONFIRMED', md5(p.id::text || random()::text), 'Vegetarisk'
                from person p where p.email like 'export-%@bench.invalid'""", activity, project);
        System.out.printf(Locale.ROOT, "%nWrote %d sign-ups in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
        return activity;
    }

    private static long activity(JdbcTemplate jdbc, long project, int seats, String title) {
        long id = jdbc.queryForObject("select nextval('activity_seq')", Long.class);
        long track = jdbc.queryForObject("select min(id) from track where project_id = ?", Long.class, project);
        LocalDate day = LocalDate.now(Formats.ZONE).plusDays(30);
        Instant start = day.atTime(9, 0).atZone(Formats.ZONE).toInstant();
        Instant end = day.atTime(16, 0).atZone(Formats.ZONE).toInstant();
        jdbc.update("""
                insert into activity (id, project_id, track_id, kind, title, level, language, seats, target_participants,
                                      registration_closes, cancellation_deadline, status, published_at, first_start,
                                      last_end, session_count, total_minutes, venue_city)
                values (?, ?, ?, 'COURSE', ?, 'BASIC', 'sv', ?, ?, ?, ?, 'PUBLISHED', now(), ?, ?, 1, 420, 'Osby')""",
                id, project, track, title, seats, seats, Timestamp.from(start.minus(Duration.ofDays(2))),
                Timestamp.from(start.minus(Duration.ofDays(3))), Timestamp.from(start), Timestamp.from(end));
        jdbc.update("insert into activity_session (id, activity_id, starts_at, ends_at) values (nextval('activity_session_seq'), ?, ?, ?)",
                id, Timestamp.from(start), Timestamp.from(end));
        return id;
    }

    /** Participants whose password check is cheap ({noop}), so the benchmark measures sign-ups, not bcrypt. */
    private static List<String> users(JdbcTemplate jdbc, int n, String prefix) {
        jdbc.update("""
                insert into app_user (id, email, display_name, password_hash)
                select nextval('app_user_seq'), '%s-' || g || '@bench.invalid', 'Bänk ' || g, '{noop}%s'
                from generate_series(1, ?) g""".formatted(prefix, PASSWORD), n);
        jdbc.update("""
                insert into app_user_role (user_id, role)
                select id, 'PARTICIPANT' from app_user where email like '%s-%%@bench.invalid'""".formatted(prefix));
        return jdbc.queryForList("select email from app_user where email like ? order by id", String.class,
                prefix + "-%@bench.invalid");
    }

    private static int seatsTaken(JdbcTemplate jdbc, long activity) {
        return jdbc.queryForObject("select seats_taken from activity where id = ?", Integer.class, activity);
    }

    private static int count(JdbcTemplate jdbc, long activity, String status) {
        return jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and status = ?", Integer.class,
                activity, status);
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private interface Task<T> {
        T call() throws Exception;
    }

    private static <T> List<T> inParallel(int threads, List<Task<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = tasks.stream().map(t -> pool.submit(t::call)).toList();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** One browser: its own cookies (session), the last CSRF token seen; requests go through the shared client. */
    static final class Client {
        private final String base;
        private final String email;
        private final Map<String, String> cookies = new ConcurrentHashMap<>();
        private String csrf;

        Client(String base) {
            this(base, null);
        }

        Client(String base, String email) {
            this.base = base;
            this.email = email;
        }

        void login(String email) throws Exception {
            login(email, PASSWORD);
        }

        void login(String email, String password) throws Exception {
            prepare("/login");
            int status = post("/login", Map.of("email", email, "password", password)).statusCode();
            if (status != 302) {
                throw new IllegalStateException("Login of " + email + " answered " + status);
            }
        }

        void prepare(String page) throws Exception {
            Matcher m = CSRF.matcher(get(page).body());
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on " + page);
            }
            csrf = m.group(1);
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).header("Accept", "text/html").GET(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> download(String path) throws Exception {
            return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))
                    + (fields.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(body)),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
                throws Exception {
            HttpResponse<T> response = HTTP.send(request.build(), body);
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
