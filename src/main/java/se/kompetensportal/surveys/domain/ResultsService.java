package se.kompetensportal.surveys.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.surveys.SurveysApi;

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

    /**
     * What to compute results over: a project's course evaluations, or one survey ({@code evaluationId}, of any kind);
     * {@code trackId} narrows to the evaluations of a track, dates (inclusive) to when responses were given, and the
     * respondents may be narrowed to an organisation, a target group, or those who chose a track of interest.
     */
    public record Scope(long projectId, Long evaluationId, Long trackId, LocalDate from, LocalDate to, Long organisationId,
            Long targetGroupId, Long interestTrackId) {

        public Scope(long projectId, Long evaluationId, Long trackId, LocalDate from, LocalDate to, Long organisationId) {
            this(projectId, evaluationId, trackId, from, to, organisationId, null, null);
        }

        /** The respondents are narrowed (to an organisation, target group or track of interest). */
        public boolean narrowed() {
            return organisationId != null || targetGroupId != null || interestTrackId != null;
        }
    }

    public record Bar(String label, long count, double percent) {
    }

    /** One statement of a matrix: how many answered it, the count and share per scale step, and the share agreeing. */
    public record MatrixRow(String label, long answers, List<Long> counts, List<Double> percents, Double agreeingPercent) {
    }

    /**
     * One option of a ranking: how many ranked it, how many put it first, its mean place, and its points (an option
     * placed first of n gets n points, last 1).
     */
    public record RankRow(String label, long ranked, long first, Double meanPlace, long points) {
    }

    public record QuestionResult(String key, String text, QuestionKind kind, boolean required, long answers,
            boolean suppressed, List<Bar> bars, BigDecimal mean, BigDecimal min, BigDecimal max, String statementKey,
            Long agreeing, Double agreeingPercent, int agreeFrom, int targetPercent, List<String> texts,
            List<String> scaleLabels, List<MatrixRow> matrix, List<RankRow> ranking) {

        public boolean meetsTarget() {
            return agreeingPercent != null && agreeingPercent >= targetPercent;
        }

        public List<String> labels() {
            return bars.stream().map(Bar::label).toList();
        }

        public List<Long> counts() {
            return bars.stream().map(Bar::count).toList();
        }

        /** The labels as a JSON array, for the chart's {@code data-labels}. */
        public String labelsJson() {
            return bars.stream().map(b -> json(b.label())).collect(Collectors.joining(",", "[", "]"));
        }

        /** The counts as a JSON array, for the chart's {@code data-values}. */
        public String countsJson() {
            return bars.stream().map(b -> String.valueOf(b.count())).collect(Collectors.joining(",", "[", "]"));
        }
    }

    /** One row of a breakdown (a track or an organisation) with the share agreeing per statement. */
    public record BreakdownRow(String label, long responses, boolean suppressed, List<Double> statementPercents) {
    }

    /**
     * @param kind           the survey's kind, or {@code null} for a project's course evaluations together
     * @param byTargetGroup  responses per respondents' target group
     * @param byInterest     responses per track the respondents chose in a question listing the tracks
     */
    public record Results(String title, String projectName, Scope scope, long invitations, long answeredInvitations,
            long webResponses, long paperResponses, boolean suppressed, List<QuestionResult> questions,
            List<String> statementKeys, List<BreakdownRow> byTrack, List<BreakdownRow> byOrganisation,
            List<TrackInfo> tracks, List<OrganisationInfo> organisations, SurveyKind kind,
            List<BreakdownRow> byTargetGroup, List<BreakdownRow> byInterest, List<TargetGroupInfo> targetGroups,
            boolean asksInterest) {

        public boolean survey() {
            return kind != null && kind != SurveyKind.COURSE_EVALUATION;
        }

        public long responses() {
            return webResponses + paperResponses;
        }

        public Double responsePercent() {
            return invitations == 0 ? null : 100.0 * answeredInvitations / invitations;
        }

        public List<QuestionResult> statements() {
            return questions.stream().filter(q -> q.statementKey() != null).toList();
        }
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private record Row(UUID response, long questionId, Integer intValue, BigDecimal number, String text, Integer item) {
    }

    private record ResponseRow(UUID id, long evaluationId, Long trackId, Long organisationId, Long targetGroupId) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final QuestionStore questionStore;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final org.springframework.context.MessageSource messages;
    private final EvaluationStore evaluations;
    private final SurveyTitles titles;

    ResultsService(NamedParameterJdbcTemplate jdbc, QuestionStore questionStore, ProjectsApi projects,
            ActivitiesApi activities, org.springframework.context.MessageSource messages, EvaluationStore evaluations,
            SurveyTitles titles) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.titles = titles;
        this.questionStore = questionStore;
        this.projects = projects;
        this.activities = activities;
        this.messages = messages;
    }

    /** The scope of one evaluation's results, for a user who may follow its project. */
    public Scope scopeOfEvaluation(long evaluationId) {
        Long projectId = jdbc.query("select project_id from evaluation where id = :id", Map.of("id", evaluationId),
                (rs, i) -> rs.getLong(1)).stream().findFirst().orElseThrow(() -> new NotFoundException("Evaluation", evaluationId));
        return new Scope(projectId, evaluationId, null, null, null, null);
    }

    /** The scope of one survey's results narrowed to respondents, for a user who may follow its project. */
    public Scope scopeOfSurvey(long evaluationId, Long organisationId, Long targetGroupId, Long interestTrackId) {
        Scope s = scopeOfEvaluation(evaluationId);
        return new Scope(s.projectId(), evaluationId, null, null, null, organisationId, targetGroupId, interestTrackId);
    }

    public Results results(Scope scope, Locale locale) {
        CurrentUser.requireFollow(scope.projectId());
        return compute(scope, locale);
    }

    Results compute(Scope scope, Locale locale) {
        ProjectInfo project = projects.project(scope.projectId()).orElseThrow(() -> new NotFoundException("Project", scope.projectId()));
        MapSqlParameterSource p = new MapSqlParameterSource("project", scope.projectId());
        String where = where(scope, p);
        List<ResponseRow> responses = jdbc.query("""
                select r.id, r.evaluation_id, e.track_id, r.organisation_id, r.target_group_id from evaluation_response r
                join evaluation e on e.id = r.evaluation_id where\s""" + where, p,
                (rs, i) -> new ResponseRow(rs.getObject(1, UUID.class), rs.getLong(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4), (Long) rs.getObject(5)));
        List<Row> rows = jdbc.query("""
                select a.response_id, a.question_id, a.int_value, a.number_value, a.text_value, a.item
                from evaluation_answer a
                join evaluation_response r on r.id = a.response_id join evaluation e on e.id = r.evaluation_id
                where\s""" + where, p,
                (rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getLong(2), (Integer) rs.getObject(3),
                        rs.getBigDecimal(4), rs.getString(5), (Integer) rs.getObject(6)));
        MapSqlParameterSource ip = new MapSqlParameterSource("project", scope.projectId());
        String invitationWhere = invitationWhere(scope, ip);
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
        Map<String, List<Row>> rowsByKey = new HashMap<>();
        Map<Long, Question> questionById = new HashMap<>();
        asked.values().forEach(list -> list.forEach(q -> questionById.put(q.id(), q)));
        for (Row row : rows) {
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
            results.add(question(e.getValue(), rowsByKey.getOrDefault(e.getKey(), List.of()), questionById, suppressed,
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
    private static Map<Long, Set<UUID>> interest(List<Row> rows, Map<Long, Question> questionById) {
        Map<Long, Set<UUID>> byTrack = new HashMap<>();
        for (Row row : rows) {
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

    private BreakdownRow breakdown(String label, Set<UUID> responseIds, List<Row> rows, Map<Long, String> keyOf,
            Map<Long, Question> questionById, List<String> statementKeys) {
        boolean suppressed = responseIds.size() < MIN;
        List<Double> percents = new ArrayList<>();
        for (String key : statementKeys) {
            long answers = 0;
            long agreeing = 0;
            for (Row row : rows) {
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

    private QuestionResult question(Question q, List<Row> rows, Map<Long, Question> questionById, boolean allSuppressed,
            Locale locale) {
        long answers = rows.stream().map(Row::response).distinct().count();
        boolean suppressed = allSuppressed || answers < MIN;
        List<Bar> bars = new ArrayList<>();
        if (q.kind().counted()) {
            int n = q.choiceCount();
            long[] counts = new long[n + 1];
            rows.forEach(r -> {
                if (r.intValue() != null && r.intValue() >= 1 && r.intValue() <= n) {
                    counts[r.intValue()]++;
                }
            });
            for (int i = 1; i <= n; i++) {
                String label = q.kind() == QuestionKind.AGREEMENT_SCALE
                        ? messages.getMessage("scale." + i, null, locale) : q.options(locale).get(i - 1);
                bars.add(new Bar(label, suppressed ? 0 : counts[i], suppressed || answers == 0 ? 0 : 100.0 * counts[i] / answers));
            }
            if (suppressed) {
                bars = bars.stream().map(b -> new Bar(b.label(), 0, 0)).toList();
            }
        }
        BigDecimal mean = null;
        BigDecimal min = null;
        BigDecimal max = null;
        if (q.kind() == QuestionKind.NUMBER && !suppressed && !rows.isEmpty()) {
            List<BigDecimal> numbers = rows.stream().map(Row::number).filter(x -> x != null).toList();
            mean = numbers.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(numbers.size()), 2, RoundingMode.HALF_UP);
            min = numbers.stream().min(Comparator.naturalOrder()).orElse(null);
            max = numbers.stream().max(Comparator.naturalOrder()).orElse(null);
        }
        Long agreeing = null;
        Double percent = null;
        if (q.statement() && !suppressed) {
            agreeing = rows.stream().filter(r -> r.intValue() != null
                    && r.intValue() >= questionById.get(r.questionId()).agreeFrom()).count();
            percent = answers == 0 ? null : 100.0 * agreeing / answers;
        }
        List<String> texts = q.kind() == QuestionKind.FREE_TEXT && !suppressed
                ? rows.stream().map(Row::text).filter(t -> t != null).sorted().toList() : List.of();
        List<String> scaleLabels = List.of();
        List<MatrixRow> matrix = List.of();
        List<RankRow> ranking = List.of();
        if (q.kind() == QuestionKind.MATRIX) {
            scaleLabels = scaleLabels(q, locale);
            if (!suppressed) {
                matrix = matrix(q, rows, locale);
            }
        }
        if (q.kind() == QuestionKind.RANKING && !suppressed) {
            ranking = ranking(q, rows, locale);
            bars = ranking.stream().map(r -> new Bar(r.label(), r.points(), 0)).toList();
        }
        return new QuestionResult(q.groupKey(), q.text(locale), q.kind(), q.required(), answers, suppressed, bars, mean,
                min, max, q.statementKey(), agreeing, percent, q.agreeFrom(), q.targetPercent(), texts, scaleLabels,
                matrix, ranking);
    }

    private List<String> scaleLabels(Question q, Locale locale) {
        if (!q.scale(locale).isEmpty()) {
            return q.scale(locale);
        }
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= Question.SCALE_STEPS; i++) {
            labels.add(messages.getMessage("scale." + i, null, locale));
        }
        return labels;
    }

    private static List<MatrixRow> matrix(Question q, List<Row> rows, Locale locale) {
        List<String> statements = q.options(locale);
        int steps = q.scaleSteps();
        List<MatrixRow> result = new ArrayList<>();
        for (int item = 1; item <= statements.size(); item++) {
            long[] counts = new long[steps + 1];
            long answers = 0;
            long agreeing = 0;
            for (Row r : rows) {
                if (Integer.valueOf(item).equals(r.item()) && r.intValue() != null && r.intValue() >= 1
                        && r.intValue() <= steps) {
                    counts[r.intValue()]++;
                    answers++;
                    agreeing += r.intValue() >= q.agreeFrom() ? 1 : 0;
                }
            }
            List<Long> c = new ArrayList<>();
            List<Double> pc = new ArrayList<>();
            for (int s = 1; s <= steps; s++) {
                c.add(counts[s]);
                pc.add(answers == 0 ? 0 : 100.0 * counts[s] / answers);
            }
            result.add(new MatrixRow(statements.get(item - 1), answers, c, pc,
                    q.agreementScale() && answers > 0 ? 100.0 * agreeing / answers : null));
        }
        return result;
    }

    private static List<RankRow> ranking(Question q, List<Row> rows, Locale locale) {
        List<String> options = q.options(locale);
        int n = options.size();
        List<RankRow> result = new ArrayList<>();
        for (int option = 1; option <= n; option++) {
            long ranked = 0;
            long first = 0;
            long places = 0;
            long points = 0;
            for (Row r : rows) {
                if (Integer.valueOf(option).equals(r.intValue()) && r.item() != null) {
                    ranked++;
                    places += r.item();
                    first += r.item() == 1 ? 1 : 0;
                    points += n - r.item() + 1;
                }
            }
            result.add(new RankRow(options.get(option - 1), ranked, first, ranked == 0 ? null : (double) places / ranked,
                    points));
        }
        result.sort(Comparator.comparingLong(RankRow::points).reversed());
        return result;
    }

    /** Filters responses (alias r, evaluation e) to the scope. */
    static String where(Scope scope, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder("e.project_id = :project");
        if (scope.evaluationId() != null) {
            sql.append(" and e.id = :evaluation");
            p.addValue("evaluation", scope.evaluationId());
        } else {
            sql.append(" and e.kind = 'COURSE_EVALUATION'");
        }
        if (scope.targetGroupId() != null) {
            sql.append(" and r.target_group_id = :targetGroup");
            p.addValue("targetGroup", scope.targetGroupId());
        }
        if (scope.interestTrackId() != null) {
            sql.append(" and exists (select 1 from evaluation_answer ia join survey_question iq on iq.id = ia.question_id")
                    .append(" where ia.response_id = r.id and iq.option_source = 'TRACK'")
                    .append(" and (iq.kind <> 'RANKING' or ia.item = 1)")
                    .append(" and split_part(iq.option_ids, ',', ia.int_value)::bigint = :interestTrack)");
            p.addValue("interestTrack", scope.interestTrackId());
        }
        if (scope.trackId() != null) {
            sql.append(" and e.track_id = :track");
            p.addValue("track", scope.trackId());
        }
        if (scope.from() != null) {
            sql.append(" and r.answered_on >= :from");
            p.addValue("from", scope.from());
        }
        if (scope.to() != null) {
            sql.append(" and r.answered_on <= :to");
            p.addValue("to", scope.to());
        }
        if (scope.organisationId() != null) {
            sql.append(" and r.organisation_id = :organisation");
            p.addValue("organisation", scope.organisationId());
        }
        return sql.toString();
    }

    /** Filters invitations (alias i, evaluation e) to the scope; a period applies to the date the evaluation was sent. */
    static String invitationWhere(Scope scope, MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder("e.project_id = :project");
        if (scope.evaluationId() != null) {
            sql.append(" and e.id = :evaluation");
            p.addValue("evaluation", scope.evaluationId());
        } else {
            sql.append(" and e.kind = 'COURSE_EVALUATION'");
        }
        if (scope.targetGroupId() != null) {
            sql.append(" and i.target_group_id = :targetGroup");
            p.addValue("targetGroup", scope.targetGroupId());
        }
        if (scope.trackId() != null) {
            sql.append(" and e.track_id = :track");
            p.addValue("track", scope.trackId());
        }
        if (scope.from() != null) {
            sql.append(" and (e.sent_at at time zone 'Europe/Stockholm')::date >= :from");
            p.addValue("from", scope.from());
        }
        if (scope.to() != null) {
            sql.append(" and (e.sent_at at time zone 'Europe/Stockholm')::date <= :to");
            p.addValue("to", scope.to());
        }
        if (scope.organisationId() != null) {
            sql.append(" and i.organisation_id = :organisation");
            p.addValue("organisation", scope.organisationId());
        }
        return sql.toString();
    }
}
