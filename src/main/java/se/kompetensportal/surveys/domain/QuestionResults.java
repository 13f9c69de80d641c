package se.kompetensportal.surveys.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.kompetensportal.surveys.domain.Results.Bar;
import se.kompetensportal.surveys.domain.Results.MatrixRow;
import se.kompetensportal.surveys.domain.Results.QuestionResult;
import se.kompetensportal.surveys.domain.Results.RankRow;

/**
 * The result of one question over the answers in scope: the distribution of a choice or scale, mean and range of a
 * number, the share agreeing with a statement, free texts, a matrix per statement and a ranking by points. Nothing is
 * counted or listed under {@link ResultsService#MIN} answers.
 */
@Component
class QuestionResults {

    /** One stored answer (a matrix row or a ranked place has its {@code item}). */
    record Row(UUID response, long questionId, Integer intValue, BigDecimal number, String text, Integer item) {
    }

    private static final int MIN = ResultsService.MIN;

    private final MessageSource messages;

    QuestionResults(MessageSource messages) {
        this.messages = messages;
    }

    QuestionResult question(Question q, List<Row> rows, Map<Long, Question> questionById, boolean allSuppressed,
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
}
