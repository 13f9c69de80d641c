package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.kompetensportal.participants.Gender;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.timereporting.CoFinancing;

/**
 * A draft progress report (lägesrapport) for a period: the figures the funder asks for, computed, and the secretary's
 * texts on the horizontal principles (the latest saved version, or empty). Hours are the time ledger's whole hours:
 * {@code hours} and {@code coFinancing} count confirmed months only, the unconfirmed ones are shown beside.
 */
public record ProgressReport(ProjectInfo project, LocalDate from, LocalDate to, long participants,
        Map<Gender, Long> byGender, Map<Integer, CoFinancing.YearHours> hoursByYear, long hours, long unconfirmedHours,
        BigDecimal coFinancing, BigDecimal unconfirmedValue,
        List<TrackCount> activitiesPerTrack, long activitiesHeld, List<StatementResult> statements,
        EvaluationTotals evaluations, List<IndicatorResult> indicators, Texts texts) {

    public record TrackCount(String track, long held) {
    }

    /**
     * The horizontal principles as the secretary wrote them; {@code version} 0 when nothing is saved yet.
     */
    public record Texts(int version, String genderEquality, String accessibility, String nonDiscrimination,
            Instant savedAt) {
    }
}
