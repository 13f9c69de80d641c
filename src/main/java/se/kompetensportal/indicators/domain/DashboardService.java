package se.kompetensportal.indicators.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantStatistics;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.timereporting.CoFinancing;

/**
 * Builds the steering group's dashboard for those who may follow the project (its steering group, its secretaries,
 * administrators). Every figure is an aggregate; no person leaves the owning modules.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** The breakdowns shown, in this order. Message key {@code dashboard.breakdown.<key>}. */
    public static final List<String> BREAKDOWNS = List.of("track", "actor", "targetGroup", "gender", "municipality");

    private final IndicatorRepository indicators;
    private final IndicatorCalculator calculator;
    private final ParticipantStatistics participants;
    private final ProjectsApi projects;
    private final Clock clock;
    private final DashboardCache cache;
    private final CoFinancing coFinancing;

    DashboardService(CoFinancing coFinancing, IndicatorRepository indicators, IndicatorCalculator calculator, ParticipantStatistics participants,
            ProjectsApi projects, Clock clock, DashboardCache cache) {
        this.cache = cache;
        this.coFinancing = coFinancing;
        this.indicators = indicators;
        this.calculator = calculator;
        this.participants = participants;
        this.projects = projects;
        this.clock = clock;
    }

    /** The projects the user may follow. */
    public List<ProjectInfo> followedProjects(PortalUser user) {
        return projects.projects().stream().filter(p -> user.canFollowProject(p.id())).toList();
    }

    public ProjectInfo project(PortalUser user, long projectId) {
        user.requireFollow(projectId);
        return projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    /**
     * The dashboard for [from, to]: by default from the project's start to its end, or to today when the project has
     * ended (so that anything recorded after the end date shows). Indicator cards are judged as of the period's end,
     * or today when that is earlier; breakdowns and the curve count the period.
     */
    public Dashboard dashboard(PortalUser user, long projectId, LocalDate from, LocalDate to, Locale locale) {
        ProjectInfo project = project(user, projectId);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : project.startDate();
        LocalDate end = to != null ? to : project.endDate().isAfter(today) ? project.endDate() : today;
        if (end.isBefore(start)) {
            throw new BusinessRuleException("dashboard.period.order");
        }
        LocalDate asOf = end.isBefore(today) ? end : today;
        return cache.get(projectId, start, end, asOf, locale.getLanguage(), () -> {
            List<IndicatorResult> cards = calculator.computeAll(
                    indicators.findByProjectIdOrderByPositionAscIdAsc(projectId), project, asOf, locale);
            ParticipantStatistics.Overview overview = participants.overview(projectId, start, end);
            return new Dashboard(project, start, end, asOf, overview.unique(), cards,
                    curve(project, start, end, overview), breakdowns(project, start, end, overview),
                    coFinancing.perActor(projectId, asOf));
        });
    }

    List<Dashboard.CurvePoint> curve(ProjectInfo project, LocalDate from, LocalDate to,
            ParticipantStatistics.Overview overview) {
        Map<YearMonth, Long> perMonth = overview.newPerMonth().stream()
                .collect(Collectors.toMap(ParticipantStatistics.MonthCount::month, ParticipantStatistics.MonthCount::count));
        List<Dashboard.CurvePoint> points = new ArrayList<>();
        long cumulative = 0;
        long projectDays = ChronoUnit.DAYS.between(project.startDate(), project.endDate()) + 1;
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            long n = perMonth.getOrDefault(m, 0L);
            cumulative += n;
            points.add(new Dashboard.CurvePoint(m, n, cumulative, planned(project, m.atEndOfMonth(), projectDays)));
            if (points.size() > 240) {
                break;
            }
        }
        return points;
    }

    /** The plan line: planned participants × the share of the project's days gone by the end of the month. */
    static Long planned(ProjectInfo project, LocalDate monthEnd, long projectDays) {
        if (project.plannedParticipants() == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(project.startDate(), monthEnd) + 1;
        days = Math.max(0, Math.min(projectDays, days));
        return Math.round((double) project.plannedParticipants() * days / projectDays);
    }

    List<Dashboard.Breakdown> breakdowns(ProjectInfo project, LocalDate from, LocalDate to,
            ParticipantStatistics.Overview overview) {
        long id = project.id();
        List<Dashboard.Breakdown> result = new ArrayList<>();

        ParticipantStatistics.Groups groups = participants.byTrackAndTargetGroup(id, from, to);
        Map<Long, Long> byTrack = groups.byTrack();
        result.add(new Dashboard.Breakdown("track", projects.tracks(id).stream()
                .map(t -> new Dashboard.Row(t.position() + ". " + t.name(), null, byTrack.getOrDefault(t.id(), 0L)))
                .toList()));

        Map<Long, Long> byEmployer = overview.byEmployer();
        Map<Long, OrganisationInfo> orgs = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, Function.identity()));
        List<Dashboard.Row> actorRows = new ArrayList<>();
        Map<String, Long> byMunicipality = new HashMap<>();
        byEmployer.forEach((orgId, n) -> {
            OrganisationInfo org = orgs.get(orgId);
            actorRows.add(org == null ? new Dashboard.Row(null, "dashboard.otherEmployer", n)
                    : new Dashboard.Row(org.name(), null, n));
            String municipality = org == null ? null : org.municipality();
            byMunicipality.merge(municipality == null || municipality.isBlank() ? "" : municipality, n, Long::sum);
        });
        actorRows.sort(Comparator.comparing(Dashboard.Row::count).reversed()
                .thenComparing(r -> Objects.requireNonNullElse(r.label(), "\uffff")));
        result.add(new Dashboard.Breakdown("actor", actorRows));

        Map<Long, Long> byGroup = groups.byTargetGroup();
        List<Dashboard.Row> groupRows = new ArrayList<>();
        for (TargetGroupInfo g : projects.targetGroups(id)) {
            groupRows.add(new Dashboard.Row(g.label(), null, byGroup.getOrDefault(g.id(), 0L)));
        }
        if (byGroup.getOrDefault(0L, 0L) > 0) {
            groupRows.add(new Dashboard.Row(null, "dashboard.noTargetGroup", byGroup.get(0L)));
        }
        result.add(new Dashboard.Breakdown("targetGroup", groupRows));

        Map<Gender, Long> byGender = overview.byGender();
        result.add(new Dashboard.Breakdown("gender", byGender.entrySet().stream()
                .map(e -> new Dashboard.Row(null, "gender." + e.getKey().name(), e.getValue())).toList()));

        List<Dashboard.Row> municipalityRows = byMunicipality.entrySet().stream()
                .map(e -> e.getKey().isEmpty() ? new Dashboard.Row(null, "dashboard.noMunicipality", e.getValue())
                        : new Dashboard.Row(e.getKey(), null, e.getValue()))
                .sorted(Comparator.comparing(Dashboard.Row::count).reversed()
                        .thenComparing(r -> Objects.requireNonNullElse(r.label(), "\uffff")))
                .toList();
        result.add(new Dashboard.Breakdown("municipality", municipalityRows));
        return result;
    }
}
