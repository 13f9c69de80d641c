package se.kompetensportal;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.ParticipantJobs;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.TestUsers;
import se.kompetensportal.support.TwoInstances;
import se.kompetensportal.surveys.SurveyFixtures;
import se.kompetensportal.surveys.domain.EvaluationJobs;
import se.kompetensportal.surveys.domain.EvaluationService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the portal on one database ({@link TwoInstances}): they start together on an empty database, their
 * jobs running on both at the same moment queue each mail once, and their mail senders, with database connections cut
 * again and again while they send, deliver each mail to the SMTP server exactly once. As behind a load balancer, a
 * session begun on one is valid on the other, and signing out on one ends it on both (the checks of sessions share
 * this pair rather than start two more portals).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest {

    private TwoInstances portal;

    @BeforeAll
    void start() throws Exception {
        // A short lease, so that a claim whose answer a cut connection swallowed is sent again within the test.
        portal = TwoInstances.start(Map.of("kp.mail.claim-lease", "PT5S"));
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void bothStartTogetherOnAnEmptyDatabaseAndTheDemoDataIsLoadedOnce() {
        assertThat(portal.both()).allSatisfy(i -> assertThat(i.context().isActive()).isTrue());
        JdbcTemplate db = portal.jdbc();
        assertThat(db.queryForObject("select count(*) from project where funder_reference = '2016/00175'", Integer.class))
                .isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from app_user where email = 'admin@kompetensportal.example'",
                Integer.class)).isEqualTo(1);
    }

    /** Spring Boot's scheduler, with more than one thread (or a virtual thread per task), runs the jobs. */
    @Test
    void jobsRunSideBySideSoALongJobDoesNotHoldMailUp() {
        assertThat(portal.a().bean(TaskScheduler.class)).satisfiesAnyOf(
                scheduler -> assertThat(scheduler).isInstanceOf(SimpleAsyncTaskScheduler.class),
                scheduler -> assertThat(scheduler).isInstanceOfSatisfying(ThreadPoolTaskScheduler.class,
                        pool -> assertThat(pool.getScheduledThreadPoolExecutor().getCorePoolSize()).isGreaterThan(1)));
    }

    @Test
    void jobsRunningOnBothInstancesAtOnceQueueEachMailOnce() throws Exception {
        TwoInstances.Instance a = portal.a();
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        ParticipantFixtures people = new ParticipantFixtures(jdbc, new ActivityFixtures(a.bean(ActivityRepository.class),
                a.bean(ProjectsApi.class), a.bean(TransactionTemplate.class)));
        long activity = people.activities().activity("Två instanser " + System.nanoTime()).startInDays(1).seats(40)
                .save();
        List<Long> seated = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long person = people.person("Påminns" + i, i % 2 == 0 ? Gender.WOMAN : Gender.MAN);
            a.bean(SignUpService.class).signUp(activity, a.bean(PersonRepository.class).findById(person).orElseThrow(),
                    null, null, true);
            seated.add(person);
        }
        SurveyFixtures.Course course = new SurveyFixtures(jdbc, people, a.bean(EvaluationService.class))
                .course("Två instanser", 8);

        // Through their scheduled methods (the job lock lets one of them run), and without the lock, at once.
        onBothAtOnce(i -> i.bean(ParticipantJobs.class).scheduledReminders());
        onBothAtOnce(i -> i.bean(ParticipantJobs.class).sendReminders());
        onBothAtOnce(i -> i.bean(EvaluationJobs.class).scheduled());
        onBothAtOnce(i -> i.bean(EvaluationJobs.class).run());

        for (long person : seated) {
            assertThat(mails(person, "participants.reminder")).as("reminders of person %d", person).isEqualTo(1);
        }
        for (long person : course.people()) {
            assertThat(mails(person, "surveys.invitation")).as("invitations of person %d", person).isEqualTo(1);
        }
        assertThat(portal.jdbc().queryForObject("select count(*) from evaluation_invitation where evaluation_id = ?",
                Integer.class, course.evaluationId())).isEqualTo(8);
        awaitAllSent();
        assertEachMailDeliveredOnce();
    }

    @Test
    void eachMailReachesTheMailServerOnceWhileDatabaseConnectionsAreCutDuringSending() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Outbox outbox = portal.a().bean(Outbox.class);
        TransactionTemplate transactions = portal.a().bean(TransactionTemplate.class);
        AtomicBoolean cutting = new AtomicBoolean(true);
        AtomicInteger cuts = new AtomicInteger();
        Thread cutter = Thread.ofPlatform().name("connection-cutter").start(() -> {
            while (cutting.get()) {
                cuts.addAndGet(portal.terminateConnections());
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(400).toNanos());
            }
        });
        try {
            for (int batch = 0; batch < 20; batch++) {
                int b = batch;
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                    transactions.executeWithoutResult(s -> {
                        for (int i = 0; i < 10; i++) {
                            outbox.enqueue(OutgoingMail.to("two-" + run + "-" + b + "-" + i + "@two.example",
                                    Locale.of("sv")).template("test/hello").variable("greeting", "Hej " + i)
                                    .subject("mail.loginLink.subject").category("test.two").build());
                        }
                    });
                    return true;
                });
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> portal.jdbc()
                    .queryForObject("select count(*) from outbox_message where recipient like ? and status = 'SENT'",
                            Integer.class, "two-" + run + "-%") == 200);
        } finally {
            cutting.set(false);
            cutter.join();
        }
        assertThat(cuts.get()).as("connections cut while sending").isPositive();
        awaitAllSent();
        assertEachMailDeliveredOnce();
        assertThat(received().stream().filter(m -> recipient(m).startsWith("two-" + run + "-"))).hasSize(200);
    }

    @Test
    void aSessionSignedInOnOneInstanceIsValidOnTheOther() throws Exception {
        HttpSession onFirst = new HttpSession(portal.a().port());
        HttpResponse<String> login = onFirst.login("sekreterare" + TestUsers.DEMO_DOMAIN, TestUsers.DEMO_PASSWORD);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        String cookie = onFirst.sessionCookie().orElseThrow();

        HttpSession onSecond = new HttpSession(portal.b().port()).withSessionCookie(cookie);
        HttpResponse<String> page = onSecond.get("/admin/projects");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"/logout\"");

        // The session is a row in the shared database, under the user's address.
        Integer rows = portal.jdbc().queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, "sekreterare" + TestUsers.DEMO_DOMAIN);
        assertThat(rows).isPositive();

        // A form rendered by one instance is accepted by the other (the CSRF token is in the shared session), and
        // signing out there ends the session on the first instance too.
        HttpResponse<String> logout = onSecond.post("/account", "/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = new HttpSession(portal.a().port()).withSessionCookie(cookie).get("/admin/projects");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void anAnonymousVisitorOfTheCatalogueGetsNoSessionOnEitherInstance() throws Exception {
        for (TwoInstances.Instance instance : portal.both()) {
            HttpSession visitor = new HttpSession(instance.port());
            assertThat(visitor.get("/activities").statusCode()).isEqualTo(200);
            assertThat(visitor.get("/").statusCode()).isEqualTo(200);
            assertThat(visitor.sessionCookie()).isEmpty();
        }
    }

    private void onBothAtOnce(Consumer<TwoInstances.Instance> job) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> runs = portal.both().stream().map(i -> threads.submit(() -> {
                start.await();
                job.accept(i);
                return null;
            })).toList();
            for (Future<Object> r : runs) {
                r.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
    }

    private int mails(long person, String category) {
        return portal.jdbc().queryForObject("""
                select count(*) from outbox_message
                where recipient = (select email from person where id = ?) and category = ?""", Integer.class,
                person, category);
    }

    private void awaitAllSent() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200)).until(() -> portal.jdbc()
                .queryForObject("select count(*) from outbox_message where status <> 'SENT'", Integer.class) == 0);
    }

    /** Every mail the outbox sent reached the server once: one received message per Message-ID, none missing. */
    private void assertEachMailDeliveredOnce() throws Exception {
        Map<String, Integer> copies = new HashMap<>();
        for (MimeMessage m : received()) {
            copies.merge(m.getMessageID(), 1, Integer::sum);
        }
        assertThat(copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("Message-IDs delivered more than once").isEmpty();
        List<String> sent = portal.jdbc().queryForList("""
                select '<outbox.' || id || '.' || floor(extract(epoch from created_at) * 1000)::bigint
                       || '@kompetensportal.invalid>' from outbox_message where status = 'SENT'""", String.class);
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(sent);
    }

    private List<MimeMessage> received() {
        return List.of(portal.mail().getReceivedMessages());
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }
}
