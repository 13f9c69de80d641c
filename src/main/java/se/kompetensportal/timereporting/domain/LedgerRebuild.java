package se.kompetensportal.timereporting.domain;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.AttendanceRecords;

/**
 * Rebuilds the ledger from the attendance rows, one project per transaction, every night (under a database lock, so
 * two instances never run it at once) and on demand. After the events have done their work it finds nothing to change;
 * a change it does find is logged, as it means the ledger had drifted from the attendance.
 */
@Component
public class LedgerRebuild {

    private static final Logger log = LoggerFactory.getLogger(LedgerRebuild.class);

    private final LedgerUpdates updates;
    private final LedgerStore store;
    private final AttendanceRecords attendance;
    private final TimeSummary summary;

    LedgerRebuild(LedgerUpdates updates, LedgerStore store, AttendanceRecords attendance, TimeSummary summary) {
        this.updates = updates;
        this.summary = summary;
        this.store = store;
        this.attendance = attendance;
    }

    @Scheduled(cron = "${kp.timereporting.rebuild-cron:0 20 2 * * *}", zone = "Europe/Stockholm")
    @SchedulerLock(name = "time-ledger-rebuild", lockAtMostFor = "PT1H")
    public void scheduledRebuild() {
        rebuildAll();
    }

    /**
     * Once at startup: months written before the ledger recorded the employer (a database from before V14_5) get it,
     * so the co-financing per actor is right without waiting for the nightly rebuild. Nothing to do (one query) once
     * every month has it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void recordMissingEmployers() {
        for (long projectId : store.projectsWithoutEmployer()) {
            int months = updates.recordMissingEmployers(projectId);
            log.info("Time ledger: recorded the employer of {} earlier months of project {}", months, projectId);
        }
    }

    /** Every project; each project in its own transaction (opened by {@link LedgerUpdates#rebuild}'s proxy). */
    public int rebuildAll() {
        return rebuildAll(true);
    }

    /**
     * Builds every project's ledger from attendance that was written without events (the demo data): the same work as
     * {@link #rebuildAll()}, but what it fills in is expected, so it is logged as information, not as a difference.
     */
    public int buildAll() {
        int built = rebuildAll(false);
        log.info("Time ledger built from the attendance: {} person-months", built);
        return built;
    }

    private int rebuildAll(boolean warn) {
        int changed = 0;
        java.util.Set<Long> projects = new java.util.TreeSet<>(attendance.projectsWithAttendance());
        projects.addAll(store.projectIds());
        for (long projectId : projects) {
            changed += warn ? rebuild(projectId) : updates.rebuild(projectId);
            if (!warn) {
                summary.rebuild(projectId);
            }
        }
        return changed;
    }

    public int rebuild(long projectId) {
        int changed = updates.rebuild(projectId);
        if (changed > 0) {
            log.warn("Time ledger rebuild: {} person-months of project {} differed from the attendance and were "
                    + "brought in line", changed, projectId);
        }
        if (summary.rebuild(projectId)) {
            log.warn("Time ledger rebuild: the summary of project {} differed from the ledger and was recomputed",
                    projectId);
        }
        return changed;
    }
}
