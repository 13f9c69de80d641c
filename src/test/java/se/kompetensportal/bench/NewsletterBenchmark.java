package se.kompetensportal.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.KompetensportalApplication;
import se.kompetensportal.newsletter.domain.NewsletterJobs;

/**
 * Benchmark of a newsletter issue to many subscribers (docs/benchmarks.md): starts the portal on a temporary embedded
 * PostgreSQL with the demo data, gives a project {@code subscribers} (5 000) confirmed subscribers, makes an issue with
 * the demo's activities and knowledge items, starts sending it and times the dispatch job's scheduled entry point
 * writing every copy to the outbox (rendered per subscriber, with the unsubscribe link and headers), while a thread
 * samples the used heap after each batch. Prints the time, mails per second, the heap's low and high marks (after GC)
 * across the batches, and checks that exactly one mail per subscriber was queued.
 *
 * <p>Run with {@code ./mvnw -q -B -Pbenchmark test-compile exec:exec
 * -Dbench.main=se.kompetensportal.bench.NewsletterBenchmark -Dbench.args="-Dsubscribers=5000"}.
 */
public final class NewsletterBenchmark {

    private NewsletterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("subscribers", 5000);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(KompetensportalApplication.class)
                .run("--server.port=0", "--kp.embedded-db.data-dir=", "--kp.demo.enabled=true",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--kp.base-url=http://localhost",
                        "--kp.mail.send-interval=PT1H", "--kp.newsletter.dispatch-interval=PT1H");
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long project = jdbc.queryForObject("select id from project where funder_reference = '2016/00175'", Long.class);

        System.out.printf(Locale.ROOT, "Writing %d confirmed subscribers ...%n", count);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {project, "bench-" + i + "@example.se", java.util.UUID.randomUUID().toString()
                    .replace("-", "") + "abcdefghijk"});
        }
        jdbc.batchUpdate("""
                insert into newsletter_subscriber (id, project_id, email, status, source, requested_at, consent_at,
                                                   unsubscribe_token)
                values (nextval('newsletter_subscriber_seq'), ?, ?, 'CONFIRMED', 'WEB', now(), now(), ?)""", rows);
        long recipients = jdbc.queryForObject(
                "select count(*) from newsletter_subscriber where project_id = ? and status = 'CONFIRMED'", Long.class,
                project);
        int number = jdbc.queryForObject("select coalesce(max(number), 0) + 1 from newsletter_issue where project_id = ?",
                Integer.class, project);
        long issue = jdbc.queryForObject("select nextval('newsletter_issue_seq')", Long.class);
        jdbc.update("""
                insert into newsletter_issue (id, project_id, number, subject, intro, status, window_from, window_to,
                                              recipients)
                values (?, ?, ?, 'Benchmark', 'Ett nyhetsbrev till **många**.', 'SENDING', now(), now() + interval '42 days', ?)""",
                issue, project, number, recipients);
        // The content of the demo's latest issue, so each mail is as long as a real one.
        jdbc.update("""
                insert into newsletter_item (id, issue_id, kind, position, track_id, ref_id, title, when_text, organiser,
                                             description, url)
                select nextval('newsletter_item_seq'), ?, kind, position, track_id, ref_id, title, when_text, organiser,
                       description, url
                from newsletter_item where issue_id = (select max(id) from newsletter_issue where project_id = ? and id <> ?)""",
                issue, project, issue);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong low = new AtomicLong(Long.MAX_VALUE);
        AtomicLong high = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                long used = memory.getHeapMemoryUsage().getUsed();
                low.accumulateAndGet(used, Math::min);
                high.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        NewsletterJobs jobs = context.getBean(NewsletterJobs.class);
        long t0 = System.nanoTime();
        jobs.dispatchRun();
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();

        long queued = jdbc.queryForObject("select count(*) from outbox_message where dedup_key like ?", Long.class,
                "newsletter-issue:" + issue + ":%");
        String status = jdbc.queryForObject("select status from newsletter_issue where id = ?", String.class, issue);
        long bytes = jdbc.queryForObject("""
                select coalesce(sum(length(body_text) + length(body_html)), 0) from outbox_message where dedup_key like ?""",
                Long.class, "newsletter-issue:" + issue + ":%");
        System.out.printf(Locale.ROOT, "%d recipients: %d mails written to the outbox in %.1f s (%.0f mails/s), "
                        + "issue %s, %.1f kB per mail%n", recipients, queued, seconds, queued / seconds, status,
                bytes / 1024.0 / Math.max(1, queued));
        System.out.printf(Locale.ROOT, "Heap: %d MB before, %d MB after (both after GC); sampled during the run "
                        + "%d–%d MB (garbage included)%n", before >> 20, after >> 20, low.get() >> 20, high.get() >> 20);
        System.out.printf(Locale.ROOT, "Load average: %.2f; finished %s%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Instant.now());
        boolean ok = queued == recipients && "SENT".equals(status) && seconds < 30;
        System.out.println(ok ? "OK: every subscriber got one copy, within 30 s" : "NOT OK");
        context.close();
        System.exit(ok ? 0 : 1);
    }
}
