package se.kompetensportal.timereporting.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary's claim packs: asking for one (a range of months that are over, at most three years), seeing how far
 * each has come, and downloading the finished ZIP. Built in the background by {@link ClaimPackJobs}. Only
 * administrators and the project's secretaries; a pack of another project answers 404.
 */
@Service
public class ClaimPacks {

    /** At most this many months in one pack. */
    static final int MAX_MONTHS = 36;

    /** One pack as the page and the progress endpoint show it. */
    public record PackView(long id, YearMonth from, YearMonth to, String status, int done, int total, int percent,
            String requestedBy, Instant requestedAt, Instant finishedAt, Long sizeBytes) {

        public boolean finished() {
            return "DONE".equals(status);
        }

        public boolean running() {
            return "QUEUED".equals(status) || "BUILDING".equals(status);
        }
    }

    private final ClaimPackStore store;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;

    ClaimPacks(ClaimPackStore store, ProjectsApi projects, AccountsApi accounts, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProjectInfo project(PortalUser user, long projectId) {
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        user.requireManage(projectId);
        return project;
    }

    @Transactional(readOnly = true)
    public List<PackView> packs(PortalUser user, long projectId) {
        project(user, projectId);
        List<ClaimPackStore.Pack> packs = store.packs(projectId);
        Map<Long, String> names = accounts.users(packs.stream().map(ClaimPackStore.Pack::requestedBy)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        return packs.stream().map(p -> view(p, names.getOrDefault(p.requestedBy(), ""))).toList();
    }

    /** Queues a pack for [from, to] (typed as {@code yyyy-MM}); returns its id. Bad months are field errors. */
    @Transactional
    public long request(PortalUser user, long projectId, String fromText, String toText) {
        project(user, projectId);
        YearMonth from = month("from", fromText);
        YearMonth to = month("to", toText);
        YearMonth lastOver = YearMonth.now(clock.withZone(Formats.ZONE)).minusMonths(1);
        if (to.isBefore(from)) {
            throw new FieldRejectedException("to", "time.claims.order");
        }
        if (to.isAfter(lastOver)) {
            throw new FieldRejectedException("to", "time.claims.notOver");
        }
        if (ChronoUnit.MONTHS.between(from, to) + 1 > MAX_MONTHS) {
            throw new FieldRejectedException("from", "time.claims.tooLong", MAX_MONTHS);
        }
        return store.queue(projectId, from, to, user.id());
    }

    @Transactional(readOnly = true)
    public PackView pack(PortalUser user, long projectId, long packId) {
        project(user, projectId);
        ClaimPackStore.Pack p = store.pack(packId).filter(x -> x.projectId() == projectId)
                .orElseThrow(() -> new NotFoundException("ClaimPack", packId));
        return view(p, accounts.user(p.requestedBy()).map(UserSummary::displayName).orElse(""));
    }

    /** Writes the finished pack to {@code out} (checks first, then streams chunk by chunk without a transaction). */
    public void download(long projectId, long packId, OutputStream out) throws IOException {
        store.copy(packId, out);
    }

    /** The pack, if it is finished and the user may have it (404 otherwise). */
    public PackView downloadable(PortalUser user, long projectId, long packId) {
        PackView pack = pack(user, projectId, packId);
        if (!pack.finished()) {
            throw new NotFoundException("ClaimPack", packId);
        }
        return pack;
    }

    private static YearMonth month(String field, String text) {
        try {
            return YearMonth.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new FieldRejectedException(field, "time.claims.month");
        }
    }

    private static PackView view(ClaimPackStore.Pack p, String requestedBy) {
        return new PackView(p.id(), p.from(), p.to(), p.status(), p.done(), p.total(), p.percent(), requestedBy,
                p.requestedAt(), p.finishedAt(), p.sizeBytes());
    }
}
