package se.kompetensportal.timereporting.domain;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.TimeLedgerChanged;

/**
 * Sends months for confirmation: the monthly requests (from the configured day, every month before the current one
 * that has whole hours and is still open), the reminders, and the requests the secretary sends again. Each month is
 * sent in a transaction of its own, under its row lock, and checked again under the lock: a month is never sent twice,
 * and a month whose attendance is being changed waits for that change. People mails cannot reach (no address, erased)
 * and months on the paper route get no mail; neither does a month without whole hours.
 */
@Component
public class ConfirmationRequests {

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final TimeViews views;
    private final TimeMails mails;
    private final ConfirmationLinks links;
    private final TimeReportingProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConfirmationRequests(JdbcTemplate jdbc, LedgerStore store, TimeViews views, TimeMails mails, ConfirmationLinks links,
            TimeReportingProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.views = views;
        this.mails = mails;
        this.links = links;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Open months before the current one with whole hours, once the month's request day has come; else none. */
    @Transactional(readOnly = true)
    public List<Long> dueRequests() {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        if (today.getDayOfMonth() < properties.requestDay()) {
            return List.of();
        }
        return jdbc.queryForList("""
                select id from time_month where status = 'OPEN' and not paper and minutes >= 60 and month < ?
                order by month, project_id, person_id""", Long.class, Date.valueOf(YearMonth.from(today).atDay(1)));
    }

    /** Months sent and not answered whose last mail is older than the reminder interval, with reminders left. */
    @Transactional(readOnly = true)
    public List<Long> dueReminders() {
        return jdbc.queryForList("""
                select id from time_month
                where status in ('SENT', 'CORRECTED') and not paper and minutes >= 60 and reminders_sent < ?
                  and coalesce(reminded_at, sent_at) <= ?
                order by id""", Long.class, properties.maxReminders(),
                Timestamp.from(clock.instant().minus(properties.reminderAfter())));
    }

    /** Sends the month's request if it is still due (checked under its row lock); returns whether a mail was queued. */
    @Transactional
    public boolean sendRequest(long monthId) {
        LedgerMonth month = store.lock(monthId).orElse(null);
        if (month == null || month.status() != MonthStatus.OPEN || month.paper() || !month.hasHours()) {
            return false;
        }
        if (!views.view(month, false).reachable()) {
            // No address mails reach: the month takes the paper route (the secretary prints the sheet).
            jdbc.update("update time_month set paper = true, version = version + 1, updated_at = now() where id = ?",
                    monthId);
            return false;
        }
        return send(month, TimeMails.Kind.REQUEST, LedgerEventKind.SENT, null, null);
    }

    @Transactional
    public boolean sendReminder(long monthId) {
        LedgerMonth month = store.lock(monthId).orElse(null);
        if (month == null || !month.status().awaitingAnswer() || month.paper() || !month.hasHours()
                || month.remindersSent() >= properties.maxReminders()) {
            return false;
        }
        MonthView view = views.view(month, false);
        if (!view.reachable()) {
            return false;
        }
        String token = links.create(monthId);
        mails.request(view, TimeMails.Kind.REMINDER, token, links.expiresAt(), null);
        jdbc.update("""
                update time_month set reminders_sent = reminders_sent + 1, reminded_at = ?, updated_at = now()
                where id = ?""", Timestamp.from(clock.instant()), monthId);
        store.addEvent(monthId, LedgerEventKind.REMINDED, null, null, null, null, null);
        return true;
    }

    /**
     * Sends the locked month for confirmation now ({@code kind}: a first request, again by the secretary, or after a
     * correction), makes it SENT (CORRECTED stays CORRECTED) and writes {@code event} in its history. Returns false,
     * sending nothing, when mails cannot reach the person or the month has no whole hours; the status still changes.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean send(LedgerMonth month, TimeMails.Kind kind, LedgerEventKind event, Long byUser, String comment) {
        MonthView view = views.view(month, false);
        boolean mailed = view.reachable() && month.hasHours();
        if (mailed) {
            mails.request(view, kind, links.create(month.id()), links.expiresAt(), comment);
        }
        MonthStatus status = month.status() == MonthStatus.CORRECTED ? MonthStatus.CORRECTED : MonthStatus.SENT;
        Instant now = clock.instant();
        jdbc.update("""
                update time_month set status = ?, sent_at = ?, reminders_sent = 0, reminded_at = null,
                    answered_at = null, method = null, answered_by = null, version = version + 1, updated_at = now()
                where id = ?""", status.name(), Timestamp.from(now), month.id());
        store.addEvent(month.id(), event, byUser, null, comment, null, null);
        events.publishEvent(new TimeLedgerChanged(month.projectId(), month.personId(), month.month(), status,
                month.minutes()));
        return mailed;
    }
}
