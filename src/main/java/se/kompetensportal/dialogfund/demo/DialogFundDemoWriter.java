package se.kompetensportal.dialogfund.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import se.kompetensportal.dialogfund.domain.Application;
import se.kompetensportal.dialogfund.domain.ApplicationRepository;
import se.kompetensportal.dialogfund.domain.BudgetLine;
import se.kompetensportal.dialogfund.domain.FinalReport;
import se.kompetensportal.dialogfund.domain.FinalReportForm;
import se.kompetensportal.dialogfund.domain.FinalReportRepository;
import se.kompetensportal.dialogfund.domain.Fund;
import se.kompetensportal.dialogfund.domain.FundCriterion;
import se.kompetensportal.dialogfund.domain.FundCriterionRepository;
import se.kompetensportal.dialogfund.domain.ReferenceNumbers;
import se.kompetensportal.dialogfund.domain.Review;
import se.kompetensportal.dialogfund.domain.ReviewRepository;

import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.ACTIVITIES;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.form;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.orgNumber;

/**
 * Writes the demo fund's cases for {@link DialogFundDemoData}: a submitted application with its budget, a reviewer's
 * scores, an approved final report; days become instants at ten in the morning, Swedish time.
 */
@Component
@ConditionalOnBooleanProperty("kp.demo.enabled")
class DialogFundDemoWriter {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final ApplicationRepository applications;
    private final FundCriterionRepository criteria;
    private final ReviewRepository reviews;
    private final FinalReportRepository reports;
    private final ReferenceNumbers references;
    private final Clock clock;

    DialogFundDemoWriter(ApplicationRepository applications, FundCriterionRepository criteria,
            ReviewRepository reviews, FinalReportRepository reports, ReferenceNumbers references, Clock clock) {
        this.applications = applications;
        this.criteria = criteria;
        this.reviews = reviews;
        this.reports = reports;
        this.references = references;
        this.clock = clock;
    }

    Application application(Fund fund, long owner, int organisation, int activity, LocalDate start,
            LocalDate end, BigDecimal amount, LocalDate submittedOn) {
        Application a = new Application(fund.getId(), owner, "sv");
        BigDecimal room = amount.multiply(new BigDecimal("0.4")).setScale(0, java.math.RoundingMode.HALF_UP);
        BigDecimal food = amount.multiply(new BigDecimal("0.35")).setScale(0, java.math.RoundingMode.HALF_UP);
        List<BudgetLine> lines = List.of(new BudgetLine("Lokalhyra", room), new BudgetLine("Fika och mat", food),
                new BudgetLine("Material och samtalsledare", amount.subtract(room).subtract(food)));
        a.update(form(organisation, ACTIVITIES[activity], start, end, amount, lines), orgNumber(organisation), lines,
                "sv", instant(submittedOn));
        a = applications.save(a);
        a.submit(references.next(fund.getYear()), instant(submittedOn));
        return a;
    }

    void review(Application a, long reviewer, Fund fund, int seed, LocalDate day) {
        Review review = new Review(a.getId(), reviewer);
        List<FundCriterion> list = criteria.findByFundIdOrderByPositionAscIdAsc(fund.getId());
        Map<Long, Integer> scores = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            scores.put(list.get(i).getId(), 2 + (seed + i) % 4);
        }
        review.update(scores, seed % 3 == 0 ? "Bra idé med tydlig plan för att nå båda grupperna." : null,
                instant(day));
        reviews.save(review);
    }

    void report(Application a, LocalDate heldOn, int seed, BigDecimal granted) {
        LocalDate today = LocalDate.now(clock);
        LocalDate submitted = heldOn.plusDays(7).isAfter(today) ? today : heldOn.plusDays(7);
        FinalReport report = new FinalReport(a.getId());
        report.submit(new FinalReportForm("Aktiviteten genomfördes som planerat. Deltagarna uppskattade särskilt "
                        + "samtalen i små grupper, och flera har fortsatt att träffas på egen hand.", heldOn, null,
                9 + seed, 7 + seed % 4, 8 + seed % 3, 8 + seed % 5, granted.subtract(new BigDecimal(seed * 150)),
                null, null), instant(submitted));
        report.approve(instant(submitted.plusDays(3).isAfter(today) ? today : submitted.plusDays(3)));
        reports.save(report);
        a.carriedOut(submitted.plusDays(3).isAfter(today) ? today : submitted.plusDays(3), instant(submitted));
    }

    static Instant instant(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
    }
}
