package se.kompetensportal.timereporting.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.timereporting.ConfirmationMethod;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.TimeLedgerChanged;

/**
 * The participant's answer for a month: Confirm or Something is wrong, through the single-use link in the mail (no
 * login) or signed in at {@code /my/time}. Every answer takes the month's row lock and names the version of the month
 * the participant saw: confirming a month that is already confirmed changes nothing (two tabs), while a month that
 * changed since the page was shown (a correction) answers {@link TimeChanged} with the new figures instead of being
 * confirmed unseen.
 */
@Service
public class Confirmations {

    /** How an answer went. */
    public enum Outcome {
        CONFIRMED, DISPUTED, ALREADY_CONFIRMED, ALREADY_DISPUTED
    }

    /** The page behind a link. */
    public record LinkPage(MonthView view, String token) {
    }

    /** A link that cannot be used: unknown (404), or expired, used or answered another way (410). */
    public static class LinkProblem extends RuntimeException {
        private final String reason;
        private final int status;
        private final transient LedgerMonth month;

        LinkProblem(String reason, int status, LedgerMonth month) {
            super("Time confirmation link: " + reason);
            this.reason = reason;
            this.status = status;
            this.month = month;
        }

        /** Message key suffix: unknown, expired, used, answered. */
        public String reason() {
            return reason;
        }

        public int status() {
            return status;
        }

        /** The month the link was for ({@code null} for an unknown link). */
        public LedgerMonth month() {
            return month;
        }
    }

    /** The month changed after the participant's page was shown: here is what it is now. */
    public static class TimeChanged extends RuntimeException {
        private final transient MonthView current;

        TimeChanged(MonthView current) {
            super("Time month " + current.id() + " changed");
            this.current = current;
        }

        public MonthView current() {
            return current;
        }
    }

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final TimeViews views;
    private final ConfirmationLinks links;
    private final TimeMails mails;
    private final ParticipantContacts people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Confirmations(JdbcTemplate jdbc, LedgerStore store, TimeViews views, ConfirmationLinks links, TimeMails mails,
            ParticipantContacts people, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.views = views;
        this.links = links;
        this.mails = mails;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    // through the link -------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public LinkPage open(String token) {
        ConfirmationLinks.Link link = links.find(token).orElseThrow(() -> new LinkProblem("unknown", 404, null));
        LedgerMonth month = store.month(link.monthId()).orElseThrow(() -> new LinkProblem("unknown", 404, null));
        usable(link, month);
        return new LinkPage(views.view(month, false), token);
    }

    @Transactional
    public Outcome confirmByLink(String token, long version) {
        ConfirmationLinks.Link link = links.find(token).orElseThrow(() -> new LinkProblem("unknown", 404, null));
        LedgerMonth month = store.lock(link.monthId()).orElseThrow(() -> new LinkProblem("unknown", 404, null));
        if (month.status() == MonthStatus.CONFIRMED) {
            return Outcome.ALREADY_CONFIRMED;
        }
        usable(link, month);
        current(month, version);
        answer(month, MonthStatus.CONFIRMED, ConfirmationMethod.LINK, null, null);
        return Outcome.CONFIRMED;
    }

    @Transactional
    public Outcome disputeByLink(String token, long version, String comment) {
        ConfirmationLinks.Link link = links.find(token).orElseThrow(() -> new LinkProblem("unknown", 404, null));
        LedgerMonth month = store.lock(link.monthId()).orElseThrow(() -> new LinkProblem("unknown", 404, null));
        if (month.status() == MonthStatus.DISPUTED && link.used()) {
            return Outcome.ALREADY_DISPUTED;
        }
        usable(link, month);
        current(month, version);
        answer(month, MonthStatus.DISPUTED, ConfirmationMethod.LINK, null, comment.strip());
        return Outcome.DISPUTED;
    }

    private void usable(ConfirmationLinks.Link link, LedgerMonth month) {
        if (month.status() == MonthStatus.CONFIRMED || month.status() == MonthStatus.DISPUTED) {
            throw new LinkProblem("answered", 410, month);
        }
        if (link.used()) {
            throw new LinkProblem("used", 410, month);
        }
        if (link.expired(clock.instant())) {
            throw new LinkProblem("expired", 410, month);
        }
        if (!month.status().awaitingAnswer()) {
            throw new LinkProblem("used", 410, month);
        }
    }

    // signed in --------------------------------------------------------------------------------------------------------

    /** The signed-in participant's months in every project, latest first. */
    @Transactional(readOnly = true)
    public List<MonthView> myMonths(PortalUser user) {
        return people.personOfUser(user.id())
                .map(person -> views.views(store.monthsOfPerson(person), false)).orElse(List.of());
    }

    @Transactional
    public Outcome confirmMine(PortalUser user, long monthId, long version) {
        LedgerMonth month = own(store.lock(monthId).orElse(null), user);
        if (month.status() == MonthStatus.CONFIRMED) {
            return Outcome.ALREADY_CONFIRMED;
        }
        if (!month.status().awaitingAnswer() && month.status() != MonthStatus.DISPUTED) {
            throw new BusinessRuleException("time.answer.notSent");
        }
        current(month, version);
        answer(month, MonthStatus.CONFIRMED, ConfirmationMethod.SIGNED_IN, user.id(), null);
        return Outcome.CONFIRMED;
    }

    @Transactional
    public Outcome disputeMine(PortalUser user, long monthId, long version, String comment) {
        LedgerMonth month = own(store.lock(monthId).orElse(null), user);
        if (month.status() == MonthStatus.DISPUTED && month.version() == version) {
            return Outcome.ALREADY_DISPUTED;
        }
        if (!month.status().awaitingAnswer()) {
            throw new BusinessRuleException(month.status() == MonthStatus.CONFIRMED ? "time.answer.confirmedFixed"
                    : month.status() == MonthStatus.DISPUTED ? "time.answer.alreadyDisputed" : "time.answer.notSent");
        }
        current(month, version);
        answer(month, MonthStatus.DISPUTED, ConfirmationMethod.SIGNED_IN, user.id(), comment.strip());
        return Outcome.DISPUTED;
    }

    private LedgerMonth own(LedgerMonth month, PortalUser user) {
        Long person = people.personOfUser(user.id()).orElse(null);
        if (month == null || person == null || month.personId() != person) {
            throw new NotFoundException("TimeMonth", month == null ? "?" : month.id());
        }
        return month;
    }

    // shared -----------------------------------------------------------------------------------------------------------

    private void current(LedgerMonth month, long version) {
        if (month.version() != version) {
            throw new TimeChanged(views.view(month, false));
        }
    }

    /**
     * Records the answer on the locked month: its status, how and when, who (the participant signed in, the secretary
     * for paper, nobody for the link), the comment of a dispute. Every link of the month is spent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void answer(LedgerMonth month, MonthStatus status, ConfirmationMethod method, Long byUser, String comment) {
        jdbc.update("""
                update time_month set status = ?, answered_at = ?, method = ?, answered_by = ?,
                    dispute_comment = coalesce(?, dispute_comment), version = version + 1, updated_at = now()
                where id = ?""", status.name(), Timestamp.from(clock.instant()), method.name(), byUser, comment,
                month.id());
        links.useAll(month.id());
        store.addEvent(month.id(), status == MonthStatus.CONFIRMED ? LedgerEventKind.CONFIRMED : LedgerEventKind.DISPUTED,
                byUser, method, comment, null, null);
        if (status == MonthStatus.DISPUTED) {
            mails.disputed(views.view(month, false), comment);
        }
        events.publishEvent(new TimeLedgerChanged(month.projectId(), month.personId(), month.month(), status,
                month.minutes()));
    }
}
