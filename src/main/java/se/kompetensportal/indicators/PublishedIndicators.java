package se.kompetensportal.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.indicators.domain.IndicatorCalculator;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.indicators.domain.IndicatorRepository;
import se.kompetensportal.indicators.domain.IndicatorResult;
import se.kompetensportal.indicators.domain.Measurement;
import se.kompetensportal.projects.ProjectsApi;

/**
 * The results a project's secretary has chosen to publish on its public page. Aggregates only, and never a small
 * group: a count of persons under {@value #MIN_GROUP} is not shown, nor a share of a group of fewer than
 * {@value #MIN_GROUP} (an evaluation statement answered by four people, a share of women among three trainers).
 * Unscoped: it is meant for anyone.
 */
@Service
@Transactional(readOnly = true)
public class PublishedIndicators {

    /** The smallest group whose figures are shown. */
    public static final int MIN_GROUP = 5;

    /**
     * One published result, as of today (for a per-year indicator: this year so far).
     *
     * @param unit       how the value reads: {@code PERSONS}, {@code COUNT} or {@code PERCENT} (message key
     *                   {@code indicator.unit.<unit>})
     * @param value      the value, or {@code null} when there is none yet or it is suppressed
     * @param suppressed the group is too small to show
     */
    public record PublicResult(String name, String subGoal, String description, String unit, Double value,
            BigDecimal target, BigDecimal targetMax, Integer year, LocalDate asOf, boolean suppressed) {

        public boolean share() {
            return "PERCENT".equals(unit);
        }
    }

    private final IndicatorRepository indicators;
    private final IndicatorCalculator calculator;
    private final ProjectsApi projects;
    private final Clock clock;

    PublishedIndicators(IndicatorRepository indicators, IndicatorCalculator calculator, ProjectsApi projects,
            Clock clock) {
        this.indicators = indicators;
        this.calculator = calculator;
        this.projects = projects;
        this.clock = clock;
    }

    public List<PublicResult> of(long projectId, Locale locale) {
        return projects.project(projectId).map(project -> {
            var published = indicators.findByProjectIdOrderByPositionAscIdAsc(projectId).stream()
                    .filter(i -> i.isPublished() && i.getKind().publishable()).toList();
            if (published.isEmpty()) {
                return List.<PublicResult>of();
            }
            LocalDate today = LocalDate.now(clock);
            return calculator.computeAll(published, project, today, locale).stream()
                    .map(r -> result(r, today)).toList();
        }).orElse(List.of());
    }

    static PublicResult result(IndicatorResult r, LocalDate asOf) {
        Measurement m = r.current();
        String unit = r.unit().name();
        boolean suppressed;
        if (r.unit() == IndicatorKind.Unit.PERCENT) {
            suppressed = "indicator.note.tooFewAnswers".equals(m.noteKey())
                    || (m.whole() != null && m.whole() < MIN_GROUP);
        } else {
            suppressed = r.unit() == IndicatorKind.Unit.PERSONS && m.actual() != null && m.actual() < MIN_GROUP;
        }
        return new PublicResult(r.name(), r.subGoal(), r.description(), unit, suppressed ? null : m.actual(),
                r.target(), r.targetMax(), m.year(), m.to() == null ? asOf : m.to(), suppressed);
    }
}
