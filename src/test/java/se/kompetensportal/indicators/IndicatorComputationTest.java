package se.kompetensportal.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.activities.domain.TrainerGender;
import se.kompetensportal.indicators.domain.CollaborationForm;
import se.kompetensportal.indicators.domain.CollaborationProject;
import se.kompetensportal.indicators.domain.CollaborationProjectRepository;
import se.kompetensportal.indicators.domain.CollaborationStatus;
import se.kompetensportal.indicators.domain.Comparison;
import se.kompetensportal.indicators.domain.Dashboard;
import se.kompetensportal.indicators.domain.DashboardService;
import se.kompetensportal.indicators.domain.Indicator;
import se.kompetensportal.indicators.domain.IndicatorCalculator;
import se.kompetensportal.indicators.domain.IndicatorForm;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.indicators.domain.IndicatorPeriod;
import se.kompetensportal.indicators.domain.IndicatorRepository;
import se.kompetensportal.indicators.domain.IndicatorResult;
import se.kompetensportal.indicators.domain.IndicatorStatus;
import se.kompetensportal.indicators.domain.ManualValues;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.shared.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every computed indicator kind on a hand-made fixture in a project of its own: two women, a man who was later erased,
 * a person of another gender, a man signed up who never attended; a woman who attended two activities in two tracks
 * and target groups (one participant); 90 + 90 minutes in one month (three whole hours, not two); trainers counted once
 * by name; a cancelled forum and an upcoming one that do not count as held.
 */
class IndicatorComputationTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired ActivityRepository activityRepository;
    @Autowired ProjectsApi projects;
    @Autowired TransactionTemplate transactions;
    @Autowired IndicatorRepository indicators;
    @Autowired IndicatorCalculator calculator;
    @Autowired CollaborationProjectRepository collaborations;
    @Autowired ManualValues manualValues;
    @Autowired se.kompetensportal.timereporting.TimeLedgerApi ledger;
    @Autowired DashboardService dashboards;
    @Autowired se.kompetensportal.participants.ParticipantStatistics participantStatistics;

    IndicatorFixtures f;
    ProjectInfo project;
    LocalDate today = LocalDate.now(Formats.ZONE);
    LocalDate d1 = today.minusDays(40);
    LocalDate d2 = today.minusDays(100);

    @BeforeEach
    void fixture() {
        f = new IndicatorFixtures(jdbc, today.minusDays(300), today.plusDays(300), 100);
        project = projects.project(f.project).orElseThrow();
        ActivityFixtures a = new ActivityFixtures(activityRepository, projects, transactions);
        long course = a.activity("Kurs " + f.shortName).project(f.project).track(1).groups("A").sessions(2)
                .startInDays(-50).status(ActivityStatus.COMPLETED).trainers(TrainerGender.WOMAN, TrainerGender.MAN).save();
        long workshop = a.activity("Verkstad " + f.shortName).project(f.project).track(2).groups("B")
                .kind(ActivityKind.WORKSHOP).startInDays(-45).status(ActivityStatus.COMPLETED)
                .trainers(TrainerGender.WOMAN).save();
        // The course's first trainer teaches the workshop too: one trainer.
        jdbc.update("""
                insert into activity_trainer (id, activity_id, name, organisation, external, gender)
                values (nextval('activity_trainer_seq'), ?, ?, 'Testorg', true, 'WOMAN')""",
                workshop, "Utbildare 1 Kurs " + f.shortName);
        a.activity("Forum " + f.shortName).project(f.project).groups("A").kind(ActivityKind.COLLABORATION_FORUM)
                .startInDays(-30).status(ActivityStatus.COMPLETED).save();
        a.activity("Inställt forum " + f.shortName).project(f.project).groups("A").kind(ActivityKind.COLLABORATION_FORUM)
                .startInDays(-20).status(ActivityStatus.CANCELLED)
                .trainers(TrainerGender.MAN, TrainerGender.MAN, TrainerGender.MAN).save();
        a.activity("Kommande forum " + f.shortName).project(f.project).groups("A").kind(ActivityKind.COLLABORATION_FORUM)
                .startInDays(10).save();

        long w1 = f.person("WOMAN", f.municipality);
        f.attend(f.signUp(w1, course, f.groupA), 1, d1, 420);
        f.attend(f.signUp(w1, workshop, f.groupB), 1, d1, 420);
        long w2 = f.person("WOMAN", f.municipality);
        long w2s = f.signUp(w2, course, f.groupA);
        f.attend(w2s, 1, d1, 90);
        f.attend(w2s, 2, d1, 90);
        long m1 = f.person("MAN", f.nonProfit);
        f.attend(f.signUp(m1, course, null), 1, d1, 420);
        f.erase(m1);
        long m2 = f.person("MAN", f.nonProfit);
        f.attend(f.signUp(m2, course, f.groupA), 1, d1, 420, false);
        long o1 = f.person("OTHER", null);
        f.attend(f.signUp(o1, workshop, f.groupB), 1, d2, 420);
        f.filePlan(f.municipality);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    IndicatorResult compute(IndicatorForm form) {
        Indicator i = transactions.execute(tx -> {
            Indicator x = new Indicator(f.project, 1);
            x.apply(form);
            return indicators.save(x);
        });
        return calculator.compute(i, project, today, Locale.of("sv"));
    }

    static IndicatorForm form(IndicatorKind kind, Comparison comparison, String target, String max,
            IndicatorPeriod period, ActivityKind activityKind, String statement, String gender) {
        return new IndicatorForm("Test " + kind, null, null, null, kind, comparison, new BigDecimal(target),
                max == null ? null : new BigDecimal(max), period, activityKind, statement, gender, null, 0);
    }

    static IndicatorForm count(IndicatorKind kind, String target) {
        return form(kind, Comparison.AT_LEAST, target, null, IndicatorPeriod.WHOLE_PROJECT, null, null, null);
    }

    @Test
    void uniqueParticipantsArePersonsWhoAttendedCountedOnceErasedIncluded() {
        IndicatorResult r = compute(count(IndicatorKind.UNIQUE_PARTICIPANTS, "4"));
        assertThat(r.current().actual()).isEqualTo(4.0);
        assertThat(r.status()).isEqualTo(IndicatorStatus.MET);
        // 4 after 301 of 601 days: forecast 7.99, on track for 7, at risk for 8 and 10.
        assertThat(compute(count(IndicatorKind.UNIQUE_PARTICIPANTS, "7")).status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(compute(count(IndicatorKind.UNIQUE_PARTICIPANTS, "8")).status()).isEqualTo(IndicatorStatus.AT_RISK);
        IndicatorResult ten = compute(count(IndicatorKind.UNIQUE_PARTICIPANTS, "10"));
        assertThat(ten.status()).isEqualTo(IndicatorStatus.AT_RISK);
        assertThat(ten.current().forecast()).isCloseTo(4.0 * 601 / 301, within(0.001));
    }

    @Test
    void participantGenderShareIsTakenAmongWomenAndMen() {
        IndicatorResult women = compute(form(IndicatorKind.PARTICIPANT_GENDER_SHARE, Comparison.SHARE_BETWEEN, "40",
                "60", IndicatorPeriod.WHOLE_PROJECT, null, null, "WOMAN"));
        assertThat(women.current().part()).isEqualTo(2);
        assertThat(women.current().whole()).isEqualTo(3);
        assertThat(women.current().actual()).isCloseTo(66.667, within(0.01));
        // 6.7 points above 60 %: more than the 5-point margin.
        assertThat(women.status()).isEqualTo(IndicatorStatus.AT_RISK);
        IndicatorResult men = compute(form(IndicatorKind.PARTICIPANT_GENDER_SHARE, Comparison.SHARE_AT_LEAST, "30",
                null, IndicatorPeriod.WHOLE_PROJECT, null, null, "MAN"));
        assertThat(men.current().part()).isEqualTo(1);
        assertThat(men.status()).isEqualTo(IndicatorStatus.MET);
    }

    @Test
    void trainersCountOnceByNameAndNotFromCancelledActivities() {
        IndicatorResult r = compute(form(IndicatorKind.TRAINER_GENDER_SHARE, Comparison.SHARE_BETWEEN, "40", "60",
                IndicatorPeriod.WHOLE_PROJECT, null, null, "WOMAN"));
        assertThat(r.current().part()).isEqualTo(2);
        assertThat(r.current().whole()).isEqualTo(3);
    }

    @Test
    void onlyCompletedActivitiesOfTheKindAreHeld() {
        IndicatorResult forums = compute(form(IndicatorKind.ACTIVITIES_HELD, Comparison.AT_LEAST, "2", null,
                IndicatorPeriod.WHOLE_PROJECT, ActivityKind.COLLABORATION_FORUM, null, null));
        assertThat(forums.current().actual()).isEqualTo(1.0);
        IndicatorResult workshops = compute(form(IndicatorKind.ACTIVITIES_HELD, Comparison.AT_LEAST, "1", null,
                IndicatorPeriod.WHOLE_PROJECT, ActivityKind.WORKSHOP, null, null));
        assertThat(workshops.current().actual()).isEqualTo(1.0);
        assertThat(workshops.status()).isEqualTo(IndicatorStatus.MET);
    }

    @Test
    void hoursAreWholeHoursPerPersonAndMonthAndValuedAtTheUnitCost() {
        // From the time ledger (the fixture writes attendance rows directly: the ledger is rebuilt from them).
        // 14 (420 + 420 min) + 3 (90 + 90 min in one month) + 7 + 7; the absent man's 7 do not count. Only confirmed
        // months count; the unconfirmed ones are shown beside (in the measurement's whole).
        ledger.rebuild(f.project);
        IndicatorResult open = compute(count(IndicatorKind.PARTICIPANT_HOURS, "100"));
        assertThat(open.current().actual()).isEqualTo(0.0);
        assertThat(open.current().whole()).isEqualTo(31);
        assertThat(open.current().noteKey()).isEqualTo("indicator.note.unconfirmedHours");
        jdbc.update("update time_month set status = 'CONFIRMED', answered_at = now(), method = 'PAPER' where project_id = ?",
                f.project);
        assertThat(compute(count(IndicatorKind.PARTICIPANT_HOURS, "100")).current().actual()).isEqualTo(31.0);
        IndicatorResult value = compute(count(IndicatorKind.CO_FINANCING_VALUE, "1000"));
        assertThat(value.current().actual()).isEqualTo(31.0 * 300);
        assertThat(value.status()).isEqualTo(IndicatorStatus.MET);
    }

    @Test
    void actorsWithPlanAreAShareOfThePlansActorsNotOfInvitedBodies() {
        IndicatorResult r = compute(form(IndicatorKind.ACTORS_WITH_PLAN, Comparison.SHARE_AT_LEAST, "100", null,
                IndicatorPeriod.WHOLE_PROJECT, null, null, null));
        assertThat(r.current().part()).isEqualTo(1);
        assertThat(r.current().whole()).isEqualTo(2);
        assertThat(r.current().actual()).isEqualTo(50.0);
        assertThat(r.status()).isEqualTo(IndicatorStatus.AT_RISK);
    }

    @Test
    void collaborationProjectsCountByStatusAndDate() {
        transactions.executeWithoutResult(tx -> {
            for (CollaborationForm c : List.of(
                    new CollaborationForm("Genomfört", null, null, CollaborationStatus.CARRIED_OUT, null,
                            today.minusDays(60), today.minusDays(10), List.of(f.municipality, f.nonProfit), 0),
                    new CollaborationForm("Utvecklat", null, null, CollaborationStatus.DEVELOPED, null,
                            today.minusDays(30), null, List.of(f.municipality, f.nonProfit), 0),
                    new CollaborationForm("Idé", null, null, CollaborationStatus.IDEA, null, null, null,
                            List.of(f.municipality, f.nonProfit), 0))) {
                CollaborationProject p = new CollaborationProject(f.project);
                p.apply(c);
                collaborations.save(p);
            }
        });
        assertThat(compute(count(IndicatorKind.COLLABORATION_PROJECTS_DEVELOPED, "1")).current().actual()).isEqualTo(2.0);
        assertThat(compute(count(IndicatorKind.COLLABORATION_PROJECTS_CARRIED_OUT, "3")).current().actual()).isEqualTo(1.0);
    }

    @Test
    void evaluationStatementsWithoutAnswersHaveNoData() {
        IndicatorResult r = compute(form(IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST, "60", null,
                IndicatorPeriod.WHOLE_PROJECT, null, "D1_KNOWLEDGE", null));
        assertThat(r.current().actual()).isNull();
        assertThat(r.current().noteKey()).isEqualTo("indicator.note.noAnswers");
        assertThat(r.status()).isEqualTo(IndicatorStatus.NO_DATA);
    }

    @Test
    void dialogFundIndicatorsArePerYearAndZeroWithoutAFund() {
        IndicatorResult r = compute(form(IndicatorKind.DIALOG_FUND_APPLICATIONS, Comparison.AT_LEAST, "10", null,
                IndicatorPeriod.PER_YEAR, null, null, null));
        assertThat(r.current().year()).isEqualTo(today.getYear());
        assertThat(r.current().actual()).isEqualTo(0.0);
        assertThat(r.years()).extracting(m -> m.year()).contains(today.minusDays(300).getYear(), today.getYear());
    }

    @Test
    void manualIndicatorsTakeTheLatestValue() {
        IndicatorResult empty = compute(count(IndicatorKind.MANUAL, "2"));
        assertThat(empty.current().noteKey()).isEqualTo("indicator.note.noValue");
        Indicator i = indicators.findById(empty.id()).orElseThrow();
        manualValues.add(i.getId(), BigDecimal.ONE, today.minusDays(50), "Första", null);
        manualValues.add(i.getId(), new BigDecimal("3"), today.minusDays(5), "Andra", null);
        IndicatorResult r = calculator.compute(i, project, today, Locale.of("sv"));
        assertThat(r.current().actual()).isEqualTo(3.0);
        assertThat(r.status()).isEqualTo(IndicatorStatus.MET);
    }

    @Test
    void theOneQueryOverviewAgreesWithTheSeparateAggregates() {
        se.kompetensportal.participants.ParticipantStatistics stats = participantStatistics;
        var o = stats.overview(f.project, f.start, f.end);
        assertThat(o.unique()).isEqualTo(stats.uniqueParticipants(f.project, f.start, f.end)).isEqualTo(4);
        assertThat(o.byGender()).isEqualTo(stats.byGender(f.project, f.start, f.end));
        assertThat(o.byEmployer()).isEqualTo(stats.byEmployer(f.project, f.start, f.end));
        assertThat(o.newPerMonth()).isEqualTo(stats.newParticipantsPerMonth(f.project, f.start, f.end));
        // A period with nobody: zero everywhere.
        var none = stats.overview(f.project, f.start, f.start);
        assertThat(none.unique()).isZero();
        assertThat(none.newPerMonth()).isEmpty();
    }

    @Test
    void dashboardBreaksParticipantsDownByTrackGroupActorGenderMunicipalityAndMonth() {
        String email = users.create(java.util.Set.of(Role.STEERING), null, java.util.Set.of(f.project));
        var principal = users.principal(email);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        Dashboard d = dashboards.dashboard(CurrentUser.require(), f.project, null, null, Locale.of("sv"));
        assertThat(d.uniqueParticipants()).isEqualTo(4);
        Map<String, Map<String, Long>> b = d.breakdowns().stream().collect(Collectors.toMap(Dashboard.Breakdown::key,
                x -> x.rows().stream().collect(Collectors.toMap(
                        r -> r.labelKey() != null ? r.labelKey() : r.label(), Dashboard.Row::count))));
        assertThat(b.get("track")).containsValues(3L, 2L).hasSize(2);
        assertThat(b.get("targetGroup")).containsEntry("A Grupp A", 2L).containsEntry("B Grupp B", 2L)
                .containsEntry("dashboard.noTargetGroup", 1L);
        assertThat(b.get("actor")).containsEntry(f.municipalityName, 2L).containsEntry(f.nonProfitName, 1L)
                .containsEntry("dashboard.otherEmployer", 1L);
        assertThat(b.get("gender")).containsEntry("gender.WOMAN", 2L).containsEntry("gender.MAN", 1L)
                .containsEntry("gender.OTHER", 1L).containsEntry("gender.UNDISCLOSED", 0L);
        assertThat(b.get("municipality")).containsEntry(f.town, 2L).containsEntry("dashboard.noMunicipality", 2L);
        Map<java.time.YearMonth, Dashboard.CurvePoint> curve = d.curve().stream()
                .collect(Collectors.toMap(Dashboard.CurvePoint::month, p -> p));
        assertThat(curve.get(java.time.YearMonth.from(d2)).newParticipants()).isEqualTo(1);
        assertThat(curve.get(java.time.YearMonth.from(d1)).newParticipants()).isEqualTo(3);
        assertThat(curve.get(java.time.YearMonth.from(d1)).cumulative()).isEqualTo(4);
        assertThat(d.curve().getLast().planned()).isEqualTo(100);
    }
}
