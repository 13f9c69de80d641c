package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityStatistics;
import se.kompetensportal.actors.ActorsApi;
import se.kompetensportal.dialogfund.DialogFundApi;
import se.kompetensportal.dialogfund.FundFigures;
import se.kompetensportal.indicators.KnowledgeFigures;
import se.kompetensportal.indicators.NewsletterFigures;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.ParticipantStatistics;
import se.kompetensportal.projects.ActorProjects;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

import static se.kompetensportal.indicators.domain.IndicatorMemo.memo;

/**
 * Computes indicators from the portal's own data, through the owning modules' aggregate queries (nothing is loaded row
 * by row), and judges them with {@link StatusRule}. Unscoped: callers check who may follow the project.
 *
 * <p>A whole-project indicator is measured from the project's start to the as-of date and judged against the project's
 * end. A per-year indicator is measured for each calendar year of the project up to the as-of date (the first and last
 * years cut to the project's dates) and judged against that year's end; its card shows the year of the as-of date.
 * Data recorded after the project's end date (a project extended but not yet re-dated) still counts: the as-of date is
 * not cut to the end date, and such years are whole calendar years.
 */
@Service
@Transactional(readOnly = true)
public class IndicatorCalculator {

    private final ParticipantStatistics participants;
    private final ActivityStatistics activities;
    private final SurveysApi surveys;
    private final DialogFundApi dialogFund;
    private final ActorsApi actors;
    private final ActorProjects actorProjects;
    private final CollaborationProjectRepository collaborations;
    private final ManualValues manualValues;
    private final ObjectProvider<KnowledgeFigures> knowledge;
    private final ObjectProvider<NewsletterFigures> newsletters;
    private final LedgerMeasures ledger;

    IndicatorCalculator(LedgerMeasures ledger, ParticipantStatistics participants, ActivityStatistics activities, SurveysApi surveys,
            DialogFundApi dialogFund, ActorsApi actors, ActorProjects actorProjects,
            CollaborationProjectRepository collaborations, ManualValues manualValues,
            ObjectProvider<KnowledgeFigures> knowledge, ObjectProvider<NewsletterFigures> newsletters) {
        this.ledger = ledger;
        this.knowledge = knowledge;
        this.newsletters = newsletters;
        this.participants = participants;
        this.activities = activities;
        this.surveys = surveys;
        this.dialogFund = dialogFund;
        this.actors = actors;
        this.actorProjects = actorProjects;
        this.collaborations = collaborations;
        this.manualValues = manualValues;
    }

    public IndicatorResult compute(Indicator indicator, ProjectInfo project, LocalDate asOf, Locale locale) {
        return compute(indicator, project, asOf, locale, new HashMap<>());
    }

    /**
     * Several indicators of one project at once: an aggregate that several of them need (the survey results, the
     * participants by gender, the hours per year, the fund's figures) is asked for once per period.
     */
    public List<IndicatorResult> computeAll(List<Indicator> indicators, ProjectInfo project, LocalDate asOf,
            Locale locale) {
        Map<Object, Object> memo = new HashMap<>();
        return indicators.stream().map(i -> compute(i, project, asOf, locale, memo)).toList();
    }

    private IndicatorResult compute(Indicator indicator, ProjectInfo project, LocalDate asOf, Locale locale,
            Map<Object, Object> memo) {
        List<Measurement> years = new ArrayList<>();
        Measurement current;
        if (indicator.getPeriod() == IndicatorPeriod.PER_YEAR) {
            current = null;
            int lastYear = Math.max(project.endDate().getYear(), asOf.getYear());
            for (int y = project.startDate().getYear(); y <= lastYear; y++) {
                LocalDate from = max(project.startDate(), LocalDate.of(y, 1, 1));
                LocalDate to = y == project.endDate().getYear() ? project.endDate() : LocalDate.of(y, 12, 31);
                if (from.isAfter(asOf) && current != null) {
                    break;
                }
                Measurement m = judged(indicator, project, y, from, to, min(to, asOf), asOf, memo);
                years.add(m);
                if (current == null || !from.isAfter(asOf)) {
                    current = m;
                }
            }
        } else {
            current = judged(indicator, project, null, project.startDate(), project.endDate(), asOf, asOf, memo);
        }
        return new IndicatorResult(indicator.getId(), indicator.name(locale), indicator.getSubGoal(),
                indicator.getDescription(), indicator.getKind(), indicator.getComparison(), indicator.getTarget(),
                indicator.getTargetMax(), indicator.getPeriod(), indicator.getActivityKind(),
                indicator.getStatementKey(), indicator.getGender(), current, List.copyOf(years));
    }

    private Measurement judged(Indicator indicator, ProjectInfo project, Integer year, LocalDate from, LocalDate to,
            LocalDate until, LocalDate asOf, Map<Object, Object> memo) {
        Measurement m = until.isBefore(from) ? empty(indicator) : measure(indicator, project, from, until, memo);
        StatusRule.Judgement j = StatusRule.judge(indicator.getComparison(), indicator.getTarget(),
                indicator.getTargetMax(), m.actual(), from, to, asOf);
        return m.judged(year, from, until.isBefore(from) ? from : until, j);
    }

    private static Measurement empty(Indicator indicator) {
        return indicator.getKind().isShare() ? Measurement.of(null, "indicator.note.notStarted")
                : Measurement.of(0.0, null);
    }

    /** The indicator's raw value over [from, to] (both inclusive). */
    Measurement measure(Indicator indicator, ProjectInfo project, LocalDate from, LocalDate to,
            Map<Object, Object> memo) {
        long projectId = project.id();
        return switch (indicator.getKind()) {
            case UNIQUE_PARTICIPANTS -> count(memo(memo, "unique", from, to, () -> participants.uniqueParticipants(projectId, from, to)));
            case PARTICIPANT_GENDER_SHARE -> {
                Map<Gender, Long> g = memo(memo, "gender", from, to, () -> participants.byGender(projectId, from, to));
                long women = g.get(Gender.WOMAN);
                long men = g.get(Gender.MAN);
                yield Measurement.share("MAN".equals(indicator.getGender()) ? men : women, women + men,
                        "indicator.note.noParticipants");
            }
            case TRAINER_GENDER_SHARE -> {
                ActivityStatistics.TrainerGenders t = memo(memo, "trainers", from, to,
                        () -> activities.trainerGenders(projectId, from, to));
                yield Measurement.share("MAN".equals(indicator.getGender()) ? t.men() : t.women(), t.women() + t.men(),
                        "indicator.note.noTrainers");
            }
            case EVALUATION_STATEMENT -> statement(indicator, projectId, from, to, memo);
            case FOLLOW_UP_STATEMENT -> agreeingShare(indicator, memo(memo, "followUp:" + indicator.getTrackId(), from, to,
                    () -> surveys.followUpResults(projectId, from, to, indicator.getTrackId())));
            case ACTIVITIES_HELD -> count(activities.activitiesHeld(projectId, indicator.getActivityKind(), from, to));
            case COLLABORATION_PROJECTS_DEVELOPED -> count(collaborations.countDeveloped(projectId, from, to));
            case COLLABORATION_PROJECTS_CARRIED_OUT -> count(collaborations.countCarriedOut(projectId, from, to));
            case DIALOG_FUND_APPLICATIONS -> count(fund(projectId, from, to, FundFigures::received, memo));
            case DIALOG_FUND_GRANTED -> count(fund(projectId, from, to, FundFigures::granted, memo));
            case DIALOG_FUND_CARRIED_OUT -> count(fund(projectId, from, to, FundFigures::carriedOut, memo));
            case ACTORS_WITH_PLAN -> {
                // The plan's actors (owner and partners); bodies only invited to send staff file no plan.
                Set<Long> all = actorProjects.planActors(projectId);
                Set<Long> withPlan = new HashSet<>(actors.organisationsWithPlan(projectId));
                withPlan.retainAll(all);
                yield Measurement.share(withPlan.size(), all.size(), "indicator.note.noActors");
            }
            case PARTICIPANT_HOURS -> ledger.hours(projectId, from, to, memo);
            case CO_FINANCING_VALUE -> ledger.coFinancing(projectId, from, to, memo);
            case KNOWLEDGE_ITEMS_PUBLISHED -> figure(knowledge,
                    k -> k.itemsPublished(projectId, indicator.getTrackId(), from, to));
            case NEWSLETTERS_SENT -> figure(newsletters, n -> n.issuesSent(projectId, from, to));
            case NEWSLETTER_SUBSCRIBERS -> figure(newsletters, n -> n.subscribersOn(projectId, to));
            case MANUAL -> manualValues.latest(indicator.getId(), from, to)
                    .map(v -> Measurement.of(v.doubleValue(), null))
                    .orElseGet(() -> Measurement.of(null, "indicator.note.noValue"));
        };
    }

    private Measurement statement(Indicator indicator, long projectId, LocalDate from, LocalDate to,
            Map<Object, Object> memo) {
        return agreeingShare(indicator, memo(memo, "statements", from, to,
                () -> surveys.statementResults(projectId, from, to, null)));
    }

    /** The share agreeing with the indicator's statement among the results; withheld under five answers. */
    private static Measurement agreeingShare(Indicator indicator, List<StatementResult> results) {
        StatementResult r = results.stream()
                .filter(s -> s.statementKey().equalsIgnoreCase(indicator.getStatementKey())).findFirst().orElse(null);
        if (r == null || r.answers() == 0) {
            return Measurement.of(null, "indicator.note.noAnswers");
        }
        if (r.suppressed()) {
            return new Measurement(null, null, null, null, null, r.answers(), "indicator.note.tooFewAnswers", null,
                    null);
        }
        return Measurement.share(r.agreeing(), r.answers(), "indicator.note.noAnswers");
    }

    private long fund(long projectId, LocalDate from, LocalDate to, java.util.function.ToLongFunction<FundFigures> f,
            Map<Object, Object> memo) {
        List<FundFigures> figures = memo(memo, "fund", null, null, () -> dialogFund.figures(projectId));
        return figures.stream()
                .filter(x -> x.year() >= from.getYear() && x.year() <= to.getYear()).mapToLong(f).sum();
    }

    /** A count another module supplies; without that module (a module test) there is no value to show. */
    private static <T> Measurement figure(ObjectProvider<T> source, java.util.function.ToLongFunction<T> query) {
        T figures = source.getIfAvailable();
        return figures == null ? Measurement.of(null, "indicator.note.noValue") : count(query.applyAsLong(figures));
    }

    private static Measurement count(long n) {
        return Measurement.of((double) n, null);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
