package se.kompetensportal.surveys.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;

/**
 * The results of evaluations over a {@link ResultsScope}, as the results page, its PDF and its workbook show them.
 *
 * @param kind           the survey's kind, or {@code null} for a project's course evaluations together
 * @param byTargetGroup  responses per respondents' target group
 * @param byInterest     responses per track the respondents chose in a question listing the tracks
 */
public record Results(String title, String projectName, ResultsScope scope, long invitations, long answeredInvitations,
        long webResponses, long paperResponses, boolean suppressed, List<QuestionResult> questions,
        List<String> statementKeys, List<BreakdownRow> byTrack, List<BreakdownRow> byOrganisation,
        List<TrackInfo> tracks, List<OrganisationInfo> organisations, SurveyKind kind,
        List<BreakdownRow> byTargetGroup, List<BreakdownRow> byInterest, List<TargetGroupInfo> targetGroups,
        boolean asksInterest) {

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

    /** The text as a JSON string that is safe inside an HTML attribute (for the charts' data attributes). */
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
}
