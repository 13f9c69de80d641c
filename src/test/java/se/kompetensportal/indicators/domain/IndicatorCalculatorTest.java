package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import se.kompetensportal.activities.ActivityStatistics;
import se.kompetensportal.actors.ActorsApi;
import se.kompetensportal.dialogfund.DialogFundApi;
import se.kompetensportal.dialogfund.FundFigures;
import se.kompetensportal.participants.ParticipantStatistics;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ActorProjects;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The indicators read from the surveys and dialog fund modules, on hand-made answers from their APIs: the surveys
 * module's results (web and paper answers together, suppressed under five answers) and the fund's figures per year.
 */
class IndicatorCalculatorTest {

    static final ProjectInfo PROJECT = new ProjectInfo(7, "Testprojekt", "TP", null, "Ägaren", LocalDate.of(2024, 3, 1),
            LocalDate.of(2026, 12, 31), 100, null, false, null, null);
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    /** A hand-made surveys module: 80 answers (50 on the web, 30 on paper), 52 agreeing; a statement with 4 answers. */
    static class SurveysFixture implements SurveysApi {
        LocalDate askedFrom;
        LocalDate askedTo;

        @Override
        public List<StatementResult> statementResults(long projectId, LocalDate from, LocalDate to, Long organisationId) {
            askedFrom = from;
            askedTo = to;
            return List.of(new StatementResult("D1_KNOWLEDGE", "Mer kunskap", "More knowledge", 80, 52L, 60),
                    new StatementResult("D1_METHODS", "Nya metoder", "New methods", 4, null, 60));
        }

        Long followUpTrack;

        @Override
        public List<StatementResult> followUpResults(long projectId, LocalDate from, LocalDate to, Long trackId) {
            followUpTrack = trackId;
            return trackId == null
                    ? List.of(new StatementResult("FU_APPLYING", "Använder", "Uses", 40, 30L, 60))
                    : List.of(new StatementResult("FU_APPLYING", "Använder", "Uses", 3, null, 60));
        }

        @Override
        public EvaluationTotals totals(long projectId, LocalDate from, LocalDate to, Long organisationId) {
            return new EvaluationTotals(10, 100, 50, 30);
        }
    }

    final SurveysFixture surveys = new SurveysFixture();
    final DialogFundApi fund = mock(DialogFundApi.class);
    final IndicatorCalculator calculator = new IndicatorCalculator(
            new LedgerMeasures(mock(se.kompetensportal.timereporting.CoFinancing.class), mock(ProjectsApi.class)),
            mock(ParticipantStatistics.class),
            mock(ActivityStatistics.class), surveys, fund, mock(ActorsApi.class),
            mock(ActorProjects.class),
            mock(CollaborationProjectRepository.class), mock(ManualValues.class), emptyProvider(), emptyProvider());

    @SuppressWarnings("unchecked")
    static <T> org.springframework.beans.factory.ObjectProvider<T> emptyProvider() {
        return mock(org.springframework.beans.factory.ObjectProvider.class);
    }

    static Indicator indicator(IndicatorKind kind, Comparison c, String target, IndicatorPeriod period, String statement) {
        Indicator i = new Indicator(PROJECT.id(), 1);
        i.apply(new IndicatorForm("Test", null, null, null, kind, c, new BigDecimal(target), null, period, null,
                statement, null, null, 0));
        org.springframework.test.util.ReflectionTestUtils.setField(i, "id", 99L);
        return i;
    }

    @Test
    void aStatementShareCountsWebAndPaperAnswersAsTheSurveysModuleGivesThem() {
        IndicatorResult r = calculator.compute(indicator(IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST,
                "60", IndicatorPeriod.WHOLE_PROJECT, "D1_KNOWLEDGE"), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(r.current().actual()).isEqualTo(65.0);
        assertThat(r.current().part()).isEqualTo(52);
        assertThat(r.current().whole()).isEqualTo(80);
        assertThat(r.status()).isEqualTo(IndicatorStatus.MET);
        assertThat(surveys.askedFrom).isEqualTo(PROJECT.startDate());
        assertThat(surveys.askedTo).isEqualTo(AS_OF);
    }

    @Test
    void aStatementWithTooFewAnswersIsNotShown() {
        IndicatorResult r = calculator.compute(indicator(IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST,
                "60", IndicatorPeriod.WHOLE_PROJECT, "D1_METHODS"), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(r.current().actual()).isNull();
        assertThat(r.current().noteKey()).isEqualTo("indicator.note.tooFewAnswers");
        assertThat(r.current().whole()).isEqualTo(4);
        assertThat(r.status()).isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void aStatementNobodyAnsweredHasNoAnswersYet() {
        IndicatorResult r = calculator.compute(indicator(IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST,
                "60", IndicatorPeriod.WHOLE_PROJECT, "D1_DIVERSITY"), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(r.current().noteKey()).isEqualTo("indicator.note.noAnswers");
        assertThat(r.status()).isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void aFollowUpStatementIsTheShareOfFollowUpRespondentsAgreeingForTheWholeProjectOrOneTrack() {
        IndicatorResult all = calculator.compute(indicator(IndicatorKind.FOLLOW_UP_STATEMENT, Comparison.SHARE_AT_LEAST,
                "60", IndicatorPeriod.WHOLE_PROJECT, "FU_APPLYING"), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(all.current().actual()).isEqualTo(75.0);
        assertThat(all.current().part()).isEqualTo(30);
        assertThat(all.current().whole()).isEqualTo(40);
        assertThat(all.status()).isEqualTo(IndicatorStatus.MET);
        assertThat(surveys.followUpTrack).isNull();

        Indicator oneTrack = new Indicator(PROJECT.id(), 2);
        oneTrack.apply(new IndicatorForm("Spår 2", null, null, null, IndicatorKind.FOLLOW_UP_STATEMENT,
                Comparison.SHARE_AT_LEAST, new BigDecimal("60"), null, IndicatorPeriod.WHOLE_PROJECT, null, "FU_APPLYING",
                null, 7L, 0));
        org.springframework.test.util.ReflectionTestUtils.setField(oneTrack, "id", 98L);
        IndicatorResult track = calculator.compute(oneTrack, PROJECT, AS_OF, Locale.of("sv"));
        assertThat(surveys.followUpTrack).isEqualTo(7L);
        assertThat(track.current().actual()).isNull();
        assertThat(track.current().noteKey()).isEqualTo("indicator.note.tooFewAnswers");
        // A track is kept only for the kind that takes one.
        Indicator other = new Indicator(PROJECT.id(), 3);
        other.apply(new IndicatorForm("Andra", null, null, null, IndicatorKind.UNIQUE_PARTICIPANTS, Comparison.AT_LEAST,
                BigDecimal.TEN, null, IndicatorPeriod.WHOLE_PROJECT, null, null, null, 7L, 0));
        assertThat(other.getTrackId()).isNull();
    }

    @Test
    void dialogFundFiguresAreJudgedPerYear() {
        when(fund.figures(PROJECT.id())).thenReturn(List.of(
                figures(2024, 12, 6, 5), figures(2025, 4, 2, 0), figures(2026, 0, 0, 0)));
        IndicatorResult applications = calculator.compute(indicator(IndicatorKind.DIALOG_FUND_APPLICATIONS,
                Comparison.AT_LEAST, "10", IndicatorPeriod.PER_YEAR, null), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(applications.years()).hasSize(2);
        Measurement y2024 = applications.years().get(0);
        assertThat(y2024.year()).isEqualTo(2024);
        assertThat(y2024.from()).isEqualTo(PROJECT.startDate());
        assertThat(y2024.actual()).isEqualTo(12.0);
        assertThat(y2024.status()).isEqualTo(IndicatorStatus.MET);
        // 2025: 4 by the end of June, forecast 4 × 365 / 181 ≈ 8.1 < 10.
        assertThat(applications.current().year()).isEqualTo(2025);
        assertThat(applications.current().actual()).isEqualTo(4.0);
        assertThat(applications.status()).isEqualTo(IndicatorStatus.AT_RISK);

        IndicatorResult carriedOut = calculator.compute(indicator(IndicatorKind.DIALOG_FUND_CARRIED_OUT,
                Comparison.AT_LEAST, "5", IndicatorPeriod.PER_YEAR, null), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(carriedOut.years().get(0).actual()).isEqualTo(5.0);
        assertThat(carriedOut.years().get(0).status()).isEqualTo(IndicatorStatus.MET);
        IndicatorResult granted = calculator.compute(indicator(IndicatorKind.DIALOG_FUND_GRANTED, Comparison.AT_LEAST,
                "5", IndicatorPeriod.WHOLE_PROJECT, null), PROJECT, AS_OF, Locale.of("sv"));
        assertThat(granted.current().actual()).isEqualTo(8.0);
    }

    static FundFigures figures(int year, long received, long granted, long carriedOut) {
        return new FundFigures(year, PROJECT.id(), year, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ONE, received,
                granted, 0, carriedOut, 10, 5);
    }
}
