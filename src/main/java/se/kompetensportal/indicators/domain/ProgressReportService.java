package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityStatistics;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantStatistics;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.surveys.SurveysApi;
import se.kompetensportal.timereporting.CoFinancing;

/**
 * The draft progress report of a project for a period, for its secretaries. The texts on the horizontal principles are
 * saved as versions per project and period: a save adds a version and never overwrites one, and a save based on an
 * older version than the latest is refused (someone else saved in between).
 */
@Service
@Transactional
public class ProgressReportService {

    private final ProjectsApi projects;
    private final ParticipantStatistics participants;
    private final ActivityStatistics activities;
    private final SurveysApi surveys;
    private final IndicatorRepository indicators;
    private final IndicatorCalculator calculator;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CoFinancing time;

    ProgressReportService(CoFinancing time, ProjectsApi projects, ParticipantStatistics participants, ActivityStatistics activities,
            SurveysApi surveys, IndicatorRepository indicators, IndicatorCalculator calculator, JdbcTemplate jdbc,
            Clock clock) {
        this.time = time;
        this.projects = projects;
        this.participants = participants;
        this.activities = activities;
        this.surveys = surveys;
        this.indicators = indicators;
        this.calculator = calculator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ProgressReport report(long projectId, LocalDate from, LocalDate to, Locale locale, PortalUser user) {
        requireManage(projectId, user);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        Map<Gender, Long> byGender = participants.byGender(projectId, from, to);
        long unique = participants.uniqueParticipants(projectId, from, to);
        // The ledger's whole hours, as the dashboard counts them: only confirmed hours are co-financing.
        Map<Integer, CoFinancing.YearHours> hours = new TreeMap<>(time.hoursByYear(projectId, from, to));
        Map<Integer, BigDecimal> rates = projects.unitCosts(projectId);
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal unconfirmedValue = BigDecimal.ZERO;
        for (CoFinancing.YearHours h : hours.values()) {
            BigDecimal rate = rates.getOrDefault(h.year(), BigDecimal.ZERO);
            value = value.add(rate.multiply(BigDecimal.valueOf(h.confirmed())));
            unconfirmedValue = unconfirmedValue.add(rate.multiply(BigDecimal.valueOf(h.unconfirmed())));
        }
        Map<Long, Long> held = activities.activitiesHeldByTrack(projectId, from, to);
        List<ProgressReport.TrackCount> perTrack = projects.tracks(projectId).stream()
                .map((TrackInfo t) -> new ProgressReport.TrackCount(t.position() + ". " + t.name(),
                        held.getOrDefault(t.id(), 0L)))
                .toList();
        LocalDate today = LocalDate.now(clock);
        LocalDate asOf = to.isBefore(today) ? to : today;
        List<IndicatorResult> cards = calculator.computeAll(indicators.findByProjectIdOrderByPositionAscIdAsc(projectId),
                project, asOf, locale);
        return new ProgressReport(project, from, to, unique, byGender, hours,
                hours.values().stream().mapToLong(CoFinancing.YearHours::confirmed).sum(),
                hours.values().stream().mapToLong(CoFinancing.YearHours::unconfirmed).sum(), value, unconfirmedValue,
                perTrack,
                held.values().stream().mapToLong(Long::longValue).sum(),
                surveys.statementResults(projectId, from, to, null), surveys.totals(projectId, from, to, null), cards,
                texts(projectId, from, to, user));
    }

    @Transactional(readOnly = true)
    public ProgressReport.Texts texts(long projectId, LocalDate from, LocalDate to, PortalUser user) {
        requireManage(projectId, user);
        return jdbc.query("""
                select version_no, gender_equality, accessibility, non_discrimination, saved_at from progress_report
                where project_id = ? and period_from = ? and period_to = ? order by version_no desc limit 1""",
                (rs, i) -> new ProgressReport.Texts(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                projectId, Date.valueOf(from), Date.valueOf(to)).stream().findFirst()
                .orElse(new ProgressReport.Texts(0, null, null, null, null));
    }

    /** Saves the texts as the next version; returns it. */
    public int save(long projectId, LocalDate from, LocalDate to, ProgressReportForm form, PortalUser user) {
        long userId = requireManage(projectId, user).id();
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        Integer latest = jdbc.queryForObject("""
                select coalesce(max(version_no), 0) from progress_report
                where project_id = ? and period_from = ? and period_to = ?""", Integer.class,
                projectId, Date.valueOf(from), Date.valueOf(to));
        if (latest == null || latest != form.version()) {
            throw new ConcurrentEditException("ProgressReport", projectId);
        }
        int next = latest + 1;
        try {
            jdbc.update("""
                    insert into progress_report (id, project_id, period_from, period_to, version_no, gender_equality,
                                                 accessibility, non_discrimination, saved_by)
                    values (nextval('progress_report_seq'), ?, ?, ?, ?, ?, ?, ?, ?)""",
                    projectId, Date.valueOf(from), Date.valueOf(to), next, blankToNull(form.genderEquality()),
                    blankToNull(form.accessibility()), blankToNull(form.nonDiscrimination()), userId);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConcurrentEditException("ProgressReport", projectId);
        }
        return next;
    }

    private static PortalUser requireManage(long projectId, PortalUser user) {
        if (user == null || !user.canManageProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not managed by this user");
        }
        return user;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
