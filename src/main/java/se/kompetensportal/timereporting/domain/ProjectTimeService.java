package se.kompetensportal.timereporting.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.AttendanceRecords;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.timereporting.ConfirmationMethod;
import se.kompetensportal.timereporting.LedgerEventKind;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;
import se.kompetensportal.timereporting.MonthSummary;
import se.kompetensportal.timereporting.ScbMonth;

/**
 * The secretary's time reporting of a project: per month who has confirmed, disputed or not answered, and sending
 * again. Corrections are {@link MonthCorrections}, the paper route {@link PaperRoute}. Only administrators and the
 * project's secretaries; a month of another project answers 404.
 */
@Service
public class ProjectTimeService {

    /** The project's time page for one month. */
    public record ProjectTimePage(long projectId, String projectName, String projectShortName, List<MonthSummary> months,
            YearMonth month, MonthSummary summary, List<Row> rows, List<ScbMonth> scbToResend, boolean monthOver) {
    }

    /** One person's month in the list. */
    public record Row(long monthId, String name, String organisation, boolean reachable, LedgerMonth month) {
    }

    /** One month of one person, with what a correction can change. */
    public record MonthDetail(long projectId, String projectName, MonthView view, String organisation,
            List<AttendanceRecords.SessionMark> sessions, Map<Long, String> titles, Map<Long, String> userNames,
            boolean monthOver) {

        public boolean canResend() {
            return view.reachable() && view.month().hasHours() && monthOver
                    && view.month().status() != MonthStatus.CONFIRMED;
        }
    }

    private final LedgerStore store;
    private final TimeViews views;
    private final ConfirmationRequests requests;
    private final AttendanceRecords attendance;
    private final ParticipantContacts people;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final AccountsApi accounts;
    private final Clock clock;
    private final ScbMonths scbMonths;

    ProjectTimeService(LedgerStore store, TimeViews views, ConfirmationRequests requests, ScbMonths scbMonths,
            AttendanceRecords attendance, ParticipantContacts people, ProjectsApi projects, ActivitiesApi activities,
            AccountsApi accounts, Clock clock) {
        this.scbMonths = scbMonths;
        this.store = store;
        this.views = views;
        this.requests = requests;
        this.attendance = attendance;
        this.people = people;
        this.projects = projects;
        this.activities = activities;
        this.accounts = accounts;
        this.clock = clock;
    }

    // pages -----------------------------------------------------------------------------------------------------------

    /** The month's page; without a month, the latest month that is over (or the latest with time). */
    @Transactional(readOnly = true)
    public ProjectTimePage page(long projectId, YearMonth requested, PortalUser user) {
        ProjectInfo project = ProjectAccess.requireManage(projects, projectId, user);
        List<MonthSummary> months = new ArrayList<>(store.summary(projectId));
        months.sort(Comparator.comparing(MonthSummary::month).reversed());
        YearMonth current = YearMonth.now(clock.withZone(Formats.ZONE));
        YearMonth month = requested != null ? requested
                : months.stream().map(MonthSummary::month).filter(m -> m.isBefore(current)).findFirst()
                        .orElse(months.isEmpty() ? current.minusMonths(1) : months.getFirst().month());
        MonthSummary summary = months.stream().filter(s -> s.month().equals(month)).findFirst()
                .orElse(new MonthSummary(month, 0, 0, 0, 0, 0, 0, 0, 0));
        List<LedgerMonth> ledger = store.months(projectId, month, month).stream().filter(m -> m.minutes() > 0).toList();
        Map<Long, ParticipantContacts.PersonContact> contacts = people.contacts(ledger.stream()
                .map(LedgerMonth::personId).toList());
        Map<Long, String> organisations = organisations();
        List<Row> rows = ledger.stream().map(m -> {
            ParticipantContacts.PersonContact c = contacts.get(m.personId());
            return new Row(m.id(), c == null ? "" : c.name(), organisation(c, organisations),
                    c != null && c.reachable(), m);
        }).sorted(Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return new ProjectTimePage(projectId, project.name(), project.shortName(), months, month, summary, rows,
                scbMonths.of(projectId).stream().filter(ScbMonth::needsResend).toList(), month.isBefore(current));
    }

    @Transactional(readOnly = true)
    public MonthDetail detail(long projectId, long monthId, PortalUser user) {
        ProjectInfo project = ProjectAccess.requireManage(projects, projectId, user);
        LedgerMonth month = monthOf(projectId, store.month(monthId).orElse(null), monthId);
        MonthView view = views.view(month, true);
        List<AttendanceRecords.SessionMark> sessions = attendance.sessionsOfMonth(projectId, month.personId(),
                month.month());
        Map<Long, String> titles = activities.activities(sessions.stream().map(AttendanceRecords.SessionMark::activityId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(ActivityInfo::id, ActivityInfo::title));
        Map<Long, String> userNames = accounts.users(view.history().stream().map(e -> e.byUserId())
                        .filter(java.util.Objects::nonNull).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
        ParticipantContacts.PersonContact contact = people.contact(month.personId()).orElse(null);
        return new MonthDetail(projectId, project.name(), view, organisation(contact, organisations()), sessions, titles,
                userNames, month.month().isBefore(YearMonth.now(clock.withZone(Formats.ZONE))));
    }

    // sending ---------------------------------------------------------------------------------------------------------

    /** Sends the month to the participant again (a new link), e.g. after a dispute that needed no correction. */
    @Transactional
    public void resend(long projectId, long monthId, PortalUser user) {
        ProjectAccess.requireManage(projects, projectId, user);
        LedgerMonth month = monthOf(projectId, store.lock(monthId).orElse(null), monthId);
        MonthDetail detail = new MonthDetail(projectId, "", views.view(month, false), null, List.of(), Map.of(),
                Map.of(), month.month().isBefore(YearMonth.now(clock.withZone(Formats.ZONE))));
        if (!detail.canResend()) {
            throw new BusinessRuleException("time.resend.notPossible");
        }
        requests.send(month, month.status() == MonthStatus.CORRECTED ? TimeMails.Kind.CORRECTED : TimeMails.Kind.REQUEST,
                LedgerEventKind.RESENT, user.id(), null);
    }

    /** Sends again to everyone of the month who has been sent the month and not answered; returns how many. */
    @Transactional
    public int resendUnanswered(long projectId, YearMonth month, PortalUser user) {
        ProjectAccess.requireManage(projects, projectId, user);
        int sent = 0;
        for (LedgerMonth m : store.months(projectId, month, month)) {
            if (!m.status().awaitingAnswer() || m.paper() || !m.hasHours()) {
                continue;
            }
            LedgerMonth locked = store.lock(m.id()).orElseThrow();
            if (locked.status().awaitingAnswer() && requests.send(locked, locked.status() == MonthStatus.CORRECTED
                    ? TimeMails.Kind.CORRECTED : TimeMails.Kind.REQUEST, LedgerEventKind.RESENT, user.id(), null)) {
                sent++;
            }
        }
        return sent;
    }

    // helpers ---------------------------------------------------------------------------------------------------------

    static LedgerMonth monthOf(long projectId, LedgerMonth month, long monthId) {
        if (month == null || month.projectId() != projectId) {
            throw new NotFoundException("TimeMonth", monthId);
        }
        return month;
    }

    static LedgerMonth current(LedgerMonth month, long version) {
        if (month.version() != version) {
            throw new ConcurrentEditException("TimeMonth", month.id());
        }
        return month;
    }

    private Map<Long, String> organisations() {
        return projects.organisations().stream().collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
    }

    private static String organisation(ParticipantContacts.PersonContact c, Map<Long, String> organisations) {
        if (c == null) {
            return "";
        }
        return c.employerOrganisationId() != null ? organisations.getOrDefault(c.employerOrganisationId(), "")
                : c.employerName() == null ? "" : c.employerName();
    }
}
