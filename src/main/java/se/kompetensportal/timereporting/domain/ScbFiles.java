package se.kompetensportal.timereporting.domain;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.participants.ParticipantContacts.PersonContact;
import se.kompetensportal.participants.PersonalIdentities;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.timereporting.ScbMonth;

/**
 * SCB's monthly participant file (.xlsx in the column layout of SCB's template, see docs/development.md): the month's
 * starters with their start date and its leavers with their end date ({@link ParticipationSpells}: an explicit exit
 * ({@link ParticipantExits}) or the rule for people who stop coming), with their
 * employer and the month's whole hours. Months are files of their own, in order; which were reported and which must be
 * sent again after a correction comes from the ledger ({@code time_scb_month}). Downloading a file logs every
 * personal identity number in it as seen by the user.
 */
@Service
public class ScbFiles {

    /** The template's columns, in order (SCB's Swedish headings, the same in both languages). */
    public static final List<String> COLUMNS = List.of("Personnummer", "Förnamn", "Efternamn", "E-postadress",
            "Mobilnummer", "Organisationsnummer arbetsgivare", "Arbetsgivare", "Startdatum", "Slutdatum",
            "Hela timmar i månaden");

    /** SCB no longer requires e-mail and mobile number; its template still has the columns and asks for this. */
    static final String UNKNOWN = "okänt";

    public record Row(long personId, String personalId, String firstName, String lastName, String orgNumber,
            String employer, LocalDate start, LocalDate end, long wholeHours) {
    }

    /** One month of the project's SCB reporting. */
    public record MonthLine(YearMonth month, int starters, int leavers, ScbMonth scb, boolean reported,
            boolean needsResend) {

        MonthLine(YearMonth month, int starters, int leavers, ScbMonth scb) {
            this(month, starters, leavers, scb, scb != null && scb.reportedAt() != null, scb != null && scb.needsResend());
        }
    }

    private final LedgerFigures figures;
    private final LedgerStore store;
    private final ProjectsApi projects;
    private final ParticipantContacts people;
    private final PersonalIdentities identities;
    private final IdentityCodes codes;
    private final ScbProperties properties;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ParticipantExits exits;
    private final ScbMonths scbMonths;

    ScbFiles(LedgerFigures figures, LedgerStore store, ProjectsApi projects, ParticipantContacts people,
            PersonalIdentities identities, IdentityCodes codes, ScbProperties properties, JdbcTemplate jdbc,
            Clock clock, ParticipantExits exits, ScbMonths scbMonths) {
        this.exits = exits;
        this.scbMonths = scbMonths;
        this.figures = figures;
        this.store = store;
        this.projects = projects;
        this.people = people;
        this.identities = identities;
        this.codes = codes;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The project's months from its first attendance to the last month that is over, latest first. */
    @Transactional(readOnly = true)
    public List<MonthLine> months(long projectId, PortalUser user) {
        ProjectInfo project = ProjectAccess.requireManage(projects, projectId, user);
        YearMonth last = YearMonth.now(clock.withZone(Formats.ZONE)).minusMonths(1);
        List<ParticipationSpells.Spell> spells = spells(project, last);
        Map<YearMonth, ScbMonth> scb = new HashMap<>();
        scbMonths.of(projectId).forEach(s -> scb.put(s.month(), s));
        YearMonth first = spells.stream().map(ParticipationSpells.Spell::startMonth).min(Comparator.naturalOrder())
                .orElse(null);
        List<MonthLine> lines = new ArrayList<>();
        for (YearMonth m = last; first != null && !m.isBefore(first); m = m.minusMonths(1)) {
            YearMonth month = m;
            lines.add(new MonthLine(m, (int) spells.stream().filter(s -> s.startMonth().equals(month)).count(),
                    (int) spells.stream().filter(s -> month.equals(s.endReported())).count(), scb.get(m)));
        }
        return lines;
    }

    /** The month's rows, by name; every identity number in them is logged as seen by the current user. */
    @Transactional
    public List<Row> rows(long projectId, YearMonth month, PortalUser viewer) {
        ProjectInfo project = ProjectAccess.requireManage(projects, projectId, viewer);
        long user = viewer.id();
        List<Row> rows = rows(project, month, user);
        jdbc.update("""
                insert into time_scb_month (project_id, month, exported_at, exported_by) values (?, ?, now(), ?)
                on conflict (project_id, month) do update set exported_at = now(), exported_by = excluded.exported_by""",
                projectId, LedgerStore.first(month), user);
        return rows;
    }

    /** The rows for the claim pack: unscoped, identity numbers logged for {@code viewerUserId}. */
    List<Row> rows(ProjectInfo project, YearMonth month, long viewerUserId) {
        List<ParticipationSpells.Spell> spells = spells(project, month).stream()
                .filter(s -> s.startMonth().equals(month) || month.equals(s.endReported())).toList();
        Map<Long, Long> hours = new HashMap<>();
        store.months(project.id(), month, month).forEach(m -> hours.put(m.personId(), m.wholeHours()));
        List<Long> ids = spells.stream().map(ParticipationSpells.Spell::personId).distinct().toList();
        Map<Long, PersonContact> contacts = people.contacts(ids);
        Map<Long, PersonalIdentities.Identity> pins = identities.reveal(ids, viewerUserId);
        Map<Long, OrganisationInfo> organisations = new HashMap<>();
        projects.organisations().forEach(o -> organisations.put(o.id(), o));
        List<Row> rows = new ArrayList<>();
        for (ParticipationSpells.Spell s : spells) {
            PersonContact c = contacts.get(s.personId());
            PersonalIdentities.Identity id = pins.get(s.personId());
            boolean hidden = c == null || c.erased() || (id != null && id.protectedIdentity());
            OrganisationInfo employer = c == null || c.employerOrganisationId() == null ? null
                    : organisations.get(c.employerOrganisationId());
            rows.add(new Row(s.personId(), codes.scb(id), hidden ? "" : c.firstName(), hidden ? "" : c.lastName(),
                    employer == null || employer.orgNumber() == null ? "" : employer.orgNumber().replace("-", ""),
                    employer != null ? employer.name() : c == null || c.employerName() == null ? "" : c.employerName(),
                    s.startMonth().equals(month) ? s.start() : null,
                    month.equals(s.endReported()) ? s.end() : null, hours.getOrDefault(s.personId(), 0L)));
        }
        rows.sort(Comparator.comparing(Row::lastName, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Row::firstName, String.CASE_INSENSITIVE_ORDER).thenComparing(Row::personId));
        return rows;
    }

    /** Writes the month's file. */
    public static void write(List<Row> rows, OutputStream out) {
        try (SpreadsheetWriter xlsx = new SpreadsheetWriter()) {
            xlsx.sheet("Deltagare", COLUMNS);
            for (Row r : rows) {
                xlsx.row(r.personalId(), r.firstName(), r.lastName(), UNKNOWN, UNKNOWN, r.orgNumber(), r.employer(),
                        r.start(), r.end(), r.wholeHours());
            }
            xlsx.writeTo(out);
        }
    }

    /** Records that the month's file was sent to SCB (clears a flag for sending it again). */
    @Transactional
    public void markReported(long projectId, YearMonth month, PortalUser user) {
        ProjectAccess.requireManage(projects, projectId, user);
        scbMonths.markReported(projectId, month, user.id());
    }

    private List<ParticipationSpells.Spell> spells(ProjectInfo project, YearMonth asOf) {
        YearMonth end = project.endDate() == null ? null : YearMonth.from(project.endDate());
        List<ParticipationSpells.Spell> spells = new ArrayList<>();
        Map<Long, List<LocalDate>> exitDates = exits.datesByPerson(project.id());
        LedgerFigures.byPerson(figures.spans(project.id(), asOf)).forEach((person, months) ->
                spells.addAll(ParticipationSpells.of(person, months, exitDates.getOrDefault(person, List.of()),
                        properties.inactiveMonths(), end, asOf)));
        return spells;
    }
}
