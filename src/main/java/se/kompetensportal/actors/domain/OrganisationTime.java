package se.kompetensportal.actors.domain;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.timereporting.CoFinancing;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.TimeLedgerApi;
import se.kompetensportal.shared.security.PortalUser;

/**
 * The contact person's view of their own organisation's confirmations in a project: per month, each of the
 * organisation's people (its employees: the employer the ledger recorded when the month was written is the
 * organisation, as in the co-financing) with whole hours and whether they confirmed, so the contact person can remind
 * those who have not. Only the signed-in contact person's organisation, only projects it is an actor of (404
 * otherwise); erased people are left out.
 */
@Service
public class OrganisationTime {

    /** One person's month. */
    public record Row(YearMonth month, String name, long wholeHours, MonthStatus status) {
    }

    /** The organisation's months, latest first, and its whole hours confirmed and not confirmed. */
    public record Report(List<Row> rows, long confirmedHours, long unconfirmedHours,
            List<CoFinancing.ActorCoFinancing> coFinancing) {
    }

    private final ActorAccess access;
    private final TimeLedgerApi ledger;
    private final ParticipantContacts people;
    private final CoFinancing coFinancing;
    private final java.time.Clock clock;

    OrganisationTime(ActorAccess access, TimeLedgerApi ledger, ParticipantContacts people, CoFinancing coFinancing, java.time.Clock clock) {
        this.coFinancing = coFinancing;
        this.clock = clock;
        this.access = access;
        this.ledger = ledger;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public Report report(PortalUser user, long projectId) {
        access.inProject(user, projectId);
        long organisationId = access.organisation(user);
        List<LedgerMonth> ours = ledger.monthsOfEmployer(projectId, organisationId).stream()
                .filter(LedgerMonth::hasHours).toList();
        Map<Long, ParticipantContacts.PersonContact> contacts = people.contacts(ours.stream().map(LedgerMonth::personId)
                .distinct().toList());
        List<Row> rows = ours.stream().filter(m -> contacts.containsKey(m.personId()) && !contacts.get(m.personId()).erased())
                .map(m -> new Row(m.month(), contacts.get(m.personId()).name(), m.wholeHours(), m.status()))
                .sorted(Comparator.comparing(Row::month).reversed().thenComparing(Row::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        long confirmed = ours.stream().filter(LedgerMonth::confirmed).mapToLong(LedgerMonth::wholeHours).sum();
        long all = ours.stream().mapToLong(LedgerMonth::wholeHours).sum();
        return new Report(rows, confirmed, all - confirmed, coFinancing.ofActor(projectId, organisationId,
                java.time.LocalDate.now(clock)).stream().toList());
    }
}
