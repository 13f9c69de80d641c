package se.kompetensportal.shared.scheduling;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs (reminders, evaluation invitations, retention) take a lock in the database's {@code shedlock} table
 * before they run, so two application instances on one database never run the same job at the same time. A lock is
 * taken for one minute and extended every half minute while its job runs ({@link KeepAliveLockProvider}): the lock of
 * an instance that died runs out within a minute, and another instance's next run does the work. (The mail sender
 * needs no job lock: it claims each message on its own, see {@code OutboxSender}.)
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = SchedulingConfiguration.LOCK_AT_MOST_FOR)
class SchedulingConfiguration {

    /** How long a job lock outlives an instance that died holding it; extended while the job runs. */
    static final String LOCK_AT_MOST_FOR = "PT1M";

    private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

    /**
     * The thread that extends held locks. Deliberately not a {@code ScheduledExecutorService} bean: Spring would take
     * such a bean for the scheduler of every {@code @Scheduled} job.
     */
    @Bean(destroyMethod = "close")
    LockKeepAlive lockKeepAlive() {
        return new LockKeepAlive(Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("job-lock-keep-alive").daemon().factory()));
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource, LockKeepAlive keepAlive) {
        return new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()), keepAlive.executor());
    }

    record LockKeepAlive(ScheduledExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }

    /**
     * A job run that stopped because the database could not be reached is logged in one line (the job has said what
     * happened); anything else with its stack trace, as Spring would.
     */
    @Bean
    ThreadPoolTaskSchedulerCustomizer jobErrorLogging() {
        return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::logFailure);
    }

    /** The same with virtual threads ({@code spring.threads.virtual.enabled}), whose scheduler is another class. */
    @Bean
    SimpleAsyncTaskSchedulerCustomizer virtualThreadJobErrorLogging() {
        return scheduler -> scheduler.setErrorHandler(SchedulingConfiguration::logFailure);
    }

    private static void logFailure(Throwable failure) {
        if (failure instanceof JobSteps.DatabaseUnavailable) {
            log.debug("A job run stopped: the database cannot be reached");
        } else if (ConnectionTrouble.isConnectionLoss(failure)) {
            log.warn("A job run stopped: the database cannot be reached ({}); it runs again on schedule",
                    ConnectionTrouble.rootMessage(failure));
        } else {
            log.error("Unexpected error in a scheduled job", failure);
        }
    }
}
