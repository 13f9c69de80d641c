package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.surveys.SurveysApi;

/**
 * The demand view: the needs the project's mapping surveys expressed, per track and broken down by target group and
 * actor, with the interest registered, against the seats the catalogue plans (activities not yet held, drafts
 * included), so that the next catalogue can be steered. A respondent expresses a need for a track by choosing it in a
 * question listing the tracks (in a ranking: by placing it first). Counts of needs are never shown for a group of
 * fewer than {@link SurveysApi#MIN_ANSWERS_SHOWN} respondents; registrations of interest are not answers and are shown
 * as they are.
 */
@Service
@Transactional(readOnly = true)
public class DemandService {

    static final int MIN = SurveysApi.MIN_ANSWERS_SHOWN;

    public record SurveyChoice(long id, String title) {
    }

    /**
     * One track: respondents choosing it ({@code null} when too few answered), their share, interest registered, and
     * the planned activities and seats (with those already taken).
     */
    public record TrackDemand(TrackInfo track, Long needs, Double needsPercent, long interest, int plannedActivities,
            long plannedSeats, long seatsTaken) {

        /** Planned seats minus needs and interest; negative when more want it than the catalogue offers. */
        public Long balance() {
            return needs == null ? null : plannedSeats - needs - interest;
        }
    }

    /** A target group or actor: its respondents, their needs per track (empty when suppressed), and its interest. */
    public record GroupDemand(String label, long respondents, boolean suppressed, List<Long> needs, long interest,
            Long plannedSeats) {
    }

    public record DemandView(ProjectInfo project, List<SurveyChoice> mappings, Long surveyId, LocalDate from,
            LocalDate to, long respondents, boolean suppressed, List<TrackDemand> tracks, List<GroupDemand> byTargetGroup,
            List<GroupDemand> byActor, long interest) {
    }

    private record Respondent(UUID id, Long organisationId, Long targetGroupId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final EvaluationStore evaluations;
    private final SurveyTitles titles;
    private final InterestStore interest;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final Clock clock;

    DemandService(NamedParameterJdbcTemplate jdbc, EvaluationStore evaluations, SurveyTitles titles,
            InterestStore interest, ProjectsApi projects, ActivitiesApi activities, Clock clock) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.titles = titles;
        this.interest = interest;
        this.projects = projects;
        this.activities = activities;
        this.clock = clock;
    }

    /** The demand of the project over its mapping surveys (one, or all), answers and registrations in the period. */
    public DemandView demand(PortalUser user, long projectId, Long surveyId, LocalDate from, LocalDate to,
            Locale locale) {
        Access.requireFollow(user, projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        List<SurveyChoice> mappings = evaluations.surveysOfProject(projectId).stream()
                .filter(e -> e.kind() == SurveyKind.MAPPING)
                .map(e -> new SurveyChoice(e.id(), titles.title(e, locale))).toList();
        if (surveyId != null && mappings.stream().noneMatch(m -> m.id() == surveyId)) {
            throw new NotFoundException("Mapping", surveyId);
        }
        MapSqlParameterSource p = new MapSqlParameterSource("project", projectId).addValue("survey", surveyId)
                .addValue("from", from).addValue("to", to);
        String where = """
                e.project_id = :project and e.kind = 'MAPPING' and (cast(:survey as bigint) is null or e.id = :survey)
                and (cast(:from as date) is null or r.answered_on >= :from)
                and (cast(:to as date) is null or r.answered_on <= :to)""";
        List<Respondent> respondents = jdbc.query("select r.id, r.organisation_id, r.target_group_id "
                        + "from evaluation_response r join evaluation e on e.id = r.evaluation_id where " + where, p,
                (rs, i) -> new Respondent(rs.getObject(1, UUID.class), (Long) rs.getObject(2), (Long) rs.getObject(3)));
        // The tracks each respondent chose (a ranking: the one placed first), once per respondent and track.
        Map<UUID, Set<Long>> chose = new HashMap<>();
        jdbc.query("""
                select distinct r.id, split_part(q.option_ids, ',', a.int_value)::bigint
                from evaluation_response r join evaluation e on e.id = r.evaluation_id
                join evaluation_answer a on a.response_id = r.id
                join survey_question q on q.id = a.question_id and q.option_source = 'TRACK'
                where (q.kind <> 'RANKING' or a.item = 1) and a.int_value is not null and\s""" + where, p, rs -> {
                    chose.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getLong(2));
                });
        List<TrackInfo> tracks = projects.tracks(projectId);
        List<TargetGroupInfo> groups = projects.targetGroups(projectId);
        List<OrganisationInfo> actors = projects.actors(projectId);

        // Interest registrations: a track directly, or through the activity whose next run they wait for.
        List<InterestStore.Row> registrations = interest.inPeriod(projectId, from, to);
        Map<Long, Long> trackOfActivity = new HashMap<>();
        activities.activities(registrations.stream().map(InterestStore.Row::activityId).filter(id -> id != null)
                .distinct().toList()).forEach(a -> trackOfActivity.put(a.id(), a.trackId()));
        Map<Long, Long> interestByTrack = new HashMap<>();
        Map<Long, Long> interestByGroup = new HashMap<>();
        Map<Long, Long> interestByActor = new HashMap<>();
        for (InterestStore.Row r : registrations) {
            Long track = r.trackId() != null ? r.trackId() : r.activityId() != null ? trackOfActivity.get(r.activityId()) : null;
            if (track != null) {
                interestByTrack.merge(track, 1L, Long::sum);
            }
            if (r.targetGroupId() != null) {
                interestByGroup.merge(r.targetGroupId(), 1L, Long::sum);
            }
            if (r.organisationId() != null) {
                interestByActor.merge(r.organisationId(), 1L, Long::sum);
            }
        }

        // The seats of activities not yet held (drafts and published ones whose last session is still to come).
        Instant now = clock.instant();
        Map<Long, long[]> plannedByTrack = new HashMap<>();
        Map<Long, Long> plannedByGroup = new HashMap<>();
        for (ActivityInfo a : activities.activitiesOfProject(projectId)) {
            boolean planned = (a.status() == ActivityStatus.DRAFT || a.status() == ActivityStatus.PUBLISHED)
                    && (a.lastSessionEnd() == null || a.lastSessionEnd().isAfter(now));
            if (!planned) {
                continue;
            }
            long[] t = plannedByTrack.computeIfAbsent(a.trackId(), k -> new long[3]);
            t[0]++;
            t[1] += a.seats();
            t[2] += a.seatsTaken();
            for (Long g : a.targetGroupIds()) {
                plannedByGroup.merge(g, (long) a.seats(), Long::sum);
            }
        }

        boolean suppressed = respondents.size() < MIN;
        List<TrackDemand> trackRows = new ArrayList<>();
        for (TrackInfo t : tracks) {
            long needs = respondents.stream().filter(r -> chose.getOrDefault(r.id(), Set.of()).contains(t.id())).count();
            long[] planned = plannedByTrack.getOrDefault(t.id(), new long[3]);
            trackRows.add(new TrackDemand(t, suppressed ? null : needs,
                    suppressed || respondents.isEmpty() ? null : 100.0 * needs / respondents.size(),
                    interestByTrack.getOrDefault(t.id(), 0L), (int) planned[0], planned[1], planned[2]));
        }
        List<GroupDemand> byGroup = new ArrayList<>();
        for (TargetGroupInfo g : groups) {
            List<Respondent> of = respondents.stream().filter(r -> Long.valueOf(g.id()).equals(r.targetGroupId())).toList();
            byGroup.add(group(g.label(), of, tracks, chose, interestByGroup.getOrDefault(g.id(), 0L),
                    plannedByGroup.getOrDefault(g.id(), 0L)));
        }
        List<GroupDemand> byActor = new ArrayList<>();
        for (OrganisationInfo o : actors) {
            List<Respondent> of = respondents.stream().filter(r -> Long.valueOf(o.id()).equals(r.organisationId())).toList();
            long registered = interestByActor.getOrDefault(o.id(), 0L);
            if (!of.isEmpty() || registered > 0) {
                byActor.add(group(o.name(), of, tracks, chose, registered, null));
            }
        }
        return new DemandView(project, mappings, surveyId, from, to, respondents.size(), suppressed, trackRows, byGroup,
                byActor, registrations.size());
    }

    private static GroupDemand group(String label, List<Respondent> of, List<TrackInfo> tracks, Map<UUID, Set<Long>> chose,
            long registered, Long plannedSeats) {
        boolean suppressed = of.size() < MIN;
        List<Long> needs = new ArrayList<>();
        if (!suppressed) {
            for (TrackInfo t : tracks) {
                needs.add(of.stream().filter(r -> chose.getOrDefault(r.id(), Set.of()).contains(t.id())).count());
            }
        }
        return new GroupDemand(label, of.size(), suppressed, needs, registered, plannedSeats);
    }

    /** The projects the user may follow, for the choice of project. */
    public List<ProjectInfo> projects(PortalUser user) {
        Access.require(user);
        List<ProjectInfo> all = user.isAdmin() ? projects.projects() : projects.projects(user.projectIds());
        return all.stream().filter(p -> user.canFollowProject(p.id())).toList();
    }

    static <K, V> Map<K, V> ordered() {
        return new LinkedHashMap<>();
    }
}
