package se.kompetensportal.timereporting.demo;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.TimeLedgerApi;
import se.kompetensportal.timereporting.domain.ConfirmationRequests;
import se.kompetensportal.timereporting.domain.LedgerStore;

/**
 * Demo time reporting for IKO: the ledger is built from the demo attendance (written without events), then every
 * month before last month is confirmed (through the link by those with an e-mail address, on paper by the demo people,
 * whose addresses reach nobody), last month is partly confirmed, partly sent and waiting, with one dispute, and the
 * current month is open. The demo participant (deltagare@…) gets last month's request as a real mail in the outbox, so
 * "Min tid" and the link page have something to confirm. Loaded once.
 */
@Component
@Order(47)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class TimeReportingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TimeReportingDemoData.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TimeLedgerApi ledger;
    private final ConfirmationRequests requests;
    private final LedgerStore store;
    private final ProjectsApi projects;
    private final ParticipantContacts people;
    private final Clock clock;

    TimeReportingDemoData(JdbcTemplate jdbc, TransactionTemplate transactions, TimeLedgerApi ledger,
            ConfirmationRequests requests, LedgerStore store, ProjectsApi projects, ParticipantContacts people,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.ledger = ledger;
        this.requests = requests;
        this.store = store;
        this.projects = projects;
        this.people = people;
        this.clock = clock;
    }

    private void pledge(long projectId, Long organisationId, int hours, BigDecimal amount) {
        if (organisationId != null) {
            jdbc.update("insert into time_pledge (project_id, organisation_id, hours, amount) values (?, ?, ?, ?) "
                    + "on conflict do nothing", projectId, organisationId, hours, amount);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from time_month)", Boolean.class))) {
            return;
        }
        ProjectInfo iko = projects.projectByFunderReference("2016/00175").orElse(null);
        if (iko == null) {
            return;
        }
        ledger.buildFromAttendance();
        YearMonth last = YearMonth.now(clock.withZone(Formats.ZONE)).minusMonths(1);
        // IKO's months, and Mobilisering Kalmar län's (issue 17: its earlier months are confirmed like IKO's).
        List<LedgerMonth> months = java.util.stream.Stream.concat(java.util.stream.Stream.of(iko),
                        projects.projectByFunderReference("2022/00157").stream())
                .flatMap(p -> ledger.months(p.id(), YearMonth.of(2000, 1), last).stream())
                .filter(LedgerMonth::hasHours).toList();
        var contacts = people.contacts(months.stream().map(LedgerMonth::personId).toList());
        int[] counts = new int[3];
        transactions.executeWithoutResult(tx -> {
            // The projects' writer locks before the first month (LedgerStore.lockProjects): a confirmation request
            // sent meanwhile would otherwise hold a month's row while waiting for the project, which this holds.
            store.lockProjects(months.stream().map(LedgerMonth::projectId).toList());
            int i = 0;
            for (LedgerMonth m : months) {
                boolean reachable = contacts.containsKey(m.personId()) && contacts.get(m.personId()).reachable();
                if (m.month().isBefore(last)) {
                    confirm(m, reachable);
                    counts[0]++;
                } else if (reachable) {
                    requests.sendRequest(m.id());
                    counts[1]++;
                } else {
                    switch (i++ % 5) {
                        case 0 -> dispute(m);
                        case 1, 2 -> confirm(m, false);
                        default -> sentOnPaper(m);
                    }
                    counts[2]++;
                }
            }
        });
        // Co-financing pledges of two of IKO's actors, so the dashboard and the actor's page have something to compare.
        Map<String, Long> actors = projects.actors(iko.id()).stream()
                .collect(Collectors.toMap(OrganisationInfo::name, OrganisationInfo::id, (a, b) -> a));
        pledge(iko.id(), actors.get("Kalmar kommun"), 2000, new BigDecimal("600000.00"));
        pledge(iko.id(), actors.get("Västerviks kommun"), 1200, null);
        log.info("Demo time reporting loaded: {} months confirmed, {} requests mailed, {} of last month on paper",
                counts[0], counts[1], counts[2]);
    }

    private void confirm(LedgerMonth m, boolean byLink) {
        YearMonth next = m.month().plusMonths(1);
        Timestamp sent = at(next, 3, 7);
        Timestamp answered = at(next, 5 + (int) (m.personId() % 10), 10);
        jdbc.update("""
                update time_month set status = 'CONFIRMED', paper = ?, sent_at = ?, answered_at = ?, method = ?,
                    version = version + 1 where id = ?""", !byLink, sent, answered, byLink ? "LINK" : "PAPER", m.id());
        event(m.id(), byLink ? "SENT" : "PAPER", sent, null);
        event(m.id(), "CONFIRMED", answered, byLink ? "LINK" : "PAPER");
    }

    private void dispute(LedgerMonth m) {
        YearMonth next = m.month().plusMonths(1);
        Timestamp sent = at(next, 3, 7);
        Timestamp answered = at(next, 4, 16);
        jdbc.update("""
                update time_month set status = 'DISPUTED', paper = true, sent_at = ?, answered_at = ?, method = 'PAPER',
                    dispute_comment = ?, version = version + 1 where id = ?""", sent, answered,
                "Jag gick hem efter lunch den andra dagen, så timmarna stämmer inte.", m.id());
        event(m.id(), "PAPER", sent, null);
        jdbc.update("""
                insert into time_event (id, time_month_id, at, kind, method, comment)
                values (nextval('time_event_seq'), ?, ?, 'DISPUTED', 'PAPER', ?)""", m.id(), answered,
                "Jag gick hem efter lunch den andra dagen, så timmarna stämmer inte.");
    }

    private void sentOnPaper(LedgerMonth m) {
        Timestamp sent = at(m.month().plusMonths(1), 3, 7);
        jdbc.update("update time_month set status = 'SENT', paper = true, sent_at = ?, version = version + 1 where id = ?",
                sent, m.id());
        event(m.id(), "PAPER", sent, null);
    }

    private void event(long monthId, String kind, Timestamp at, String method) {
        jdbc.update("""
                insert into time_event (id, time_month_id, at, kind, method)
                values (nextval('time_event_seq'), ?, ?, ?, ?)""", monthId, at, kind, method);
    }

    /** A moment of the month, but never later than now (the current month's days may not have come yet). */
    private Timestamp at(YearMonth month, int day, int hour) {
        var when = month.atDay(Math.min(day, month.lengthOfMonth())).atTime(LocalTime.of(hour, 0)).atZone(Formats.ZONE)
                .toInstant();
        return Timestamp.from(when.isAfter(clock.instant()) ? clock.instant() : when);
    }
}
