package se.kompetensportal.surveys.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.surveys.SurveysApi;
import se.kompetensportal.surveys.domain.Results.BreakdownRow;
import se.kompetensportal.surveys.domain.Results.QuestionResult;

/**
 * Results of evaluations for an activity, a track or a whole project over a period: answers and response rate, the
 * distribution of every question, the share agreeing with each indicator statement against its target, free texts,
 * and breakdowns by track and organisation. Nothing is shown for fewer than {@link SurveysApi#MIN_ANSWERS_SHOWN}
 * answers, neither figures nor texts. Questions asked in several evaluations count together when they are the same
 * indicator statement or have the same kind and Swedish wording.
 */
@Service
@Transactional(readOnly = true)
public class ResultsService {

    static final int MIN = SurveysApi.MIN_ANSWERS_SHOWN;

    private record ResponseRow(UUID id, long evaluationId, Long trackId, Long organisationId, Long targetGroupId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final QuestionStore questionStore;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final QuestionResults questionResults;
    private final EvaluationStore evaluations;
    private final SurveyTitles titles;

    ResultsService(NamedParameterJdbcTemplate jdbc, QuestionStore questionStore, ProjectsApi projects,
            ActivitiesApi activities, QuestionResults questionResults, EvaluationStore evaluations,
            SurveyTitles titles) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.titles = titles;
        this.questionStore = questionStore;
        this.projects = projects;
        this.activities = activities;
        this.questionResults = questionResults;
    }

    /** The scope of one evaluation's results, for a user who may follow its project. */
    public ResultsScope scopeOfEvaluation(long evaluationId) {
        Long projectId = jdbc.query("select project_id from evaluation where id = :id", Map.of("id", evaluationId),
                (rs, i) -> rs.getLong(1)).stream().findFirst().orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        return new ResultsScope(projectId, evaluationId, null, null, null, null);
    }

    /** The scope of one survey's results narrowed to respondents, for a user who may follow its project. */
    public ResultsScope scopeOfSurvey(long evaluationId, Long organisationId, Long targetGroupId,
            Long interestTrackId) {
        ResultsScope s = scopeOfEvaluation(evaluationId);
        return new ResultsScope(s.projectId(), evaluationId, null, null, null, organisationId, targetGroupId,
                interestTrackId);
    }

    public Results results(PortalUser user, ResultsScope scope, Locale locale) {
        Access.requireFollow(user, scope.projectId());
        return compute(scope, locale);
    }

    Results compute(ResultsScope scope, Locale locale) {
        ProjectInfo project = projects.project(scope.projectId()).orElseThrow(() -> new NotFoundException("Project", scope.projectId()));
        MapSqlParameterSource p = new MapSqlParameterSource("project", scope.projectId());
        String where = scope.where(p);
        List<ResponseRow> responses = jdbc.query("""
                select r.id, r.evaluation_id, e.track_id, r.organisation_id, r.target_group_id from evaluation_response r
                join evaluation e on e.id = r.evaluation_id where\s""" + where, p,
                (rs, i) -> new ResponseRow(rs.getObject(1, UUID.class), rs.getLong(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5)));
        List<QuestionResults.Row> rows = jdbc.query("""
                select a.response_id, a.question_id, a.int_value, a.number_value, a.text_value, a.item
                from evaluation_answer a
                join evaluation_response r on r.id = a.response_id join evaluation e on e.id = r.evaluation_id
                where\s""" + where, p,
                (rs, i) -> new QuestionResults.Row(rs.getObject(1, UUID.class), rs.getLong(2),
                        (Integer) rs.getObject(3),
                        rs.getBigDecimal(4), rs.getString(5), (Integer) rs.getObject(6)));
        MapSqlParameterSource ip = new MapSqlParameterSource("project", scope.projectId());
        String invitationWhere = scope.invitationWhere(ip);
        long[] invited = jdbc.queryForObject("""
                select count(*), count(*) filter (where i.answered) from evaluation_invitation i
                join evaluation e on e.id = i.evaluation_id where\s""" + invitationWhere, ip,
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        List<Long> evaluationIds = scope.evaluationId() != null ? List.of(scope.evaluationId())
                : jdbc.queryForList("select id from evaluation e where e.project_id = :project"
                        + " and e.kind = 'COURSE_EVALUATION'"
                        + (scope.trackId() != null ? " and e.track_id = :track" : "") + " order by id",
                        new MapSqlParameterSource("project", scope.projectId()).addValue("track", scope.trackId()), Long.class);
        Map<Long, List<Question>> asked = questionStore.ofEvaluations(evaluationIds);

        // Group the questions of all evaluations by their key, in the order of their positions.
        Map<Long, String> keyOf = new HashMap<>();
        Map<String, Question> first = new LinkedHashMap<>();
        asked.values().stream().flatMap(List::stream).sorted(Comparator.comparingInt(Question::position))
                .forEach(q -> {
                    keyOf.put(q.id(), q.groupKey());
                    first.putIfAbsent(q.groupKey(), q);
                });
        Map<UUID, ResponseRow> responseById = responses.stream().collect(Collectors.toMap(ResponseRow::id, r -> r));
        Map<String, List<QuestionResults.Row>> rowsByKey = new HashMap<>();
        Map<Long, Question> questionById = new HashMap<>();
        asked.values().forEach(list -> list.forEach(q -> questionById.put(q.id(), q)));
        for (QuestionResults.Row row : rows) {
            String key = keyOf.get(row.questionId());
            if (key != null) {
                rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        long web = jdbcCount(where, p, "WEB");
        long paper = jdbcCount(where, p, "PAPER");
        boolean suppressed = responses.size() < MIN;
        List<QuestionResult> results = new ArrayList<>();
        for (Map.Entry<String, Question> e : first.entrySet()) {
            results.add(questionResults.question(e.getValue(), rowsByKey.getOrDefault(e.getKey(), List.of()),
                    questionById, suppressed,
                    locale));
        }
        List<String> statementKeys = results.stream().map(QuestionResult::statementKey).filter(k -> k != null).toList();
        List<TrackInfo> tracks = projects.tracks(scope.projectId());
        List<OrganisationInfo> organisations = projects.actors(scope.projectId());
        List<TargetGroupInfo> targetGroups = projects.targetGroups(scope.projectId());
        List<BreakdownRow> byTrack = new ArrayList<>();
        if (scope.evaluationId() == null && scope.trackId() == null) {
            for (TrackInfo t : tracks) {
                byTrack.add(breakdown(t.position() + ". " + t.name(), responses.stream()
                        .filter(r -> Long.valueOf(t.id()).equals(r.trackId()))
                        .map(ResponseRow::id).collect(Collectors.toSet()), rows, keyOf, questionById, statementKeys));
            }
        }
        List<BreakdownRow> byTargetGroup = new ArrayList<>();
        if (scope.targetGroupId() == null) {
            for (TargetGroupInfo g : targetGroups) {
                Set<UUID> ids = responses.stream().filter(r -> Long.valueOf(g.id()).equals(r.targetGroupId()))
                        .map(ResponseRow::id).collect(Collectors.toSet());
                if (!ids.isEmpty()) {
                    byTargetGroup.add(breakdown(g.label(), ids, rows, keyOf, questionById, statementKeys));
                }
            }
        }
        boolean asksInterest = questionById.values().stream().anyMatch(Question::listsTracks);
        List<BreakdownRow> byInterest = new ArrayList<>();
        if (asksInterest && scope.interestTrackId() == null) {
            Map<Long, Set<UUID>> interested = interest(rows, questionById);
            for (TrackInfo t : tracks) {
                Set<UUID> ids = interested.getOrDefault(t.id(), Set.of());
                if (!ids.isEmpty()) {
                    byInterest.add(breakdown(t.position() + ". " + t.name(), ids, rows, keyOf, questionById,
                            statementKeys));
                }
            }
        }
        List<BreakdownRow> byOrganisation = new ArrayList<>();
        if (scope.organisationId() == null) {
            for (OrganisationInfo o : organisations) {
                Set<UUID> ids = responses.stream().filter(r -> Long.valueOf(o.id()).equals(r.organisationId()))
                        .map(ResponseRow::id).collect(Collectors.toSet());
                if (!ids.isEmpty()) {
                    byOrganisation.add(breakdown(o.name(), ids, rows, keyOf, questionById, statementKeys));
                }
            }
        }
        Evaluation evaluation = scope.evaluationId() == null ? null : evaluations.find(scope.evaluationId()).orElse(null);
        String title = evaluation != null ? titles.title(evaluation, locale)
                : scope.trackId() != null ? tracks.stream().filter(t -> t.id() == scope.trackId()).map(TrackInfo::name)
                        .findFirst().orElse("") : project.shortName();
        return new Results(title, project.shortName(), scope, invited[0], invited[1], web, paper, suppressed, results,
                statementKeys, byTrack, byOrganisation, tracks, organisations,
                evaluation == null ? null : evaluation.kind(), byTargetGroup, byInterest, targetGroups, asksInterest);
    }

    /**
     * The responses that chose each track in a question listing the tracks (a ranking counts the track placed first).
     */
    private static Map<Long, Set<UUID>> interest(List<QuestionResults.Row> rows, Map<Long, Question> questionById) {
        Map<Long, Set<UUID>> byTrack = new HashMap<>();
        for (QuestionResults.Row row : rows) {
            Question q = questionById.get(row.questionId());
            if (q == null || !q.listsTracks() || row.intValue() == null || row.intValue() < 1
                    || row.intValue() > q.optionIds().size()
                    || q.kind() == QuestionKind.RANKING && !Integer.valueOf(1).equals(row.item())) {
                continue;
            }
            byTrack.computeIfAbsent(q.optionIds().get(row.intValue() - 1), k -> new java.util.HashSet<>())
                    .add(row.response());
        }
        return byTrack;
    }

    private long jdbcCount(String where, MapSqlParameterSource p, String source) {
        Long n = jdbc.queryForObject("select count(*) from evaluation_response r join evaluation e on e.id = r.evaluation_id "
                + "where r.source = '" + source + "' and " + where, p, Long.class);
        return n == null ? 0 : n;
    }

    private BreakdownRow breakdown(String label, Set<UUID> responseIds, List<QuestionResults.Row> rows, Map<Long,
            String> keyOf,
            Map<Long, Question> questionById, List<String> statementKeys) {
        boolean suppressed = responseIds.size() < MIN;
        List<Double> percents = new ArrayList<>();
        for (String key : statementKeys) {
            long answers = 0;
            long agreeing = 0;
            for (QuestionResults.Row row : rows) {
                Question q = questionById.get(row.questionId());
                if (responseIds.contains(row.response()) && q != null && key.equals(q.statementKey()) && row.intValue() != null) {
                    answers++;
                    agreeing += row.intValue() >= q.agreeFrom() ? 1 : 0;
                }
            }
            percents.add(suppressed || answers < MIN ? null : 100.0 * agreeing / answers);
        }
        return new BreakdownRow(label, responseIds.size(), suppressed, percents);
    }
}
