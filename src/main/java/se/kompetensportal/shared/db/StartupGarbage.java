package se.kompetensportal.shared.db;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One full garbage collection when the portal is ready, before readiness lets the first page through. Starting leaves a
 * great deal of garbage in the old generation (Hibernate's and Flyway's set-up, the demo data's entities) that young
 * collections never look at; the heap would keep it, resident, until the old generation happens to fill. Collected
 * once, the heap can give back what the portal does not keep (with the collector of {@code deploy/jvm.options}, down
 * to {@code MaxHeapFreeRatio} above what is live). One pause of a fraction of a second, once (docs/benchmarks.md,
 * issue 13).
 */
@Component
class StartupGarbage {

    private static final Logger log = LoggerFactory.getLogger(StartupGarbage.class);

    @EventListener(ApplicationReadyEvent.class)
    void collect() {
        MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long started = System.nanoTime();
        System.gc();
        MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        log.info("Start-up garbage collected in {} ms: heap {} MB used of {} MB before, {} MB of {} MB after",
                (System.nanoTime() - started) / 1_000_000, before.getUsed() >> 20, before.getCommitted() >> 20,
                after.getUsed() >> 20, after.getCommitted() >> 20);
    }
}
