package se.kompetensportal.dialogfund.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.dialogfund.domain.Application;
import se.kompetensportal.dialogfund.domain.ApplicationRepository;
import se.kompetensportal.dialogfund.domain.AttachmentPurpose;
import se.kompetensportal.dialogfund.domain.AttachmentStore;
import se.kompetensportal.dialogfund.domain.Fund;
import se.kompetensportal.dialogfund.domain.FundCriterion;
import se.kompetensportal.dialogfund.domain.FundCriterionRepository;
import se.kompetensportal.dialogfund.domain.FundPeriod;
import se.kompetensportal.dialogfund.domain.FundPeriodRepository;
import se.kompetensportal.dialogfund.domain.FundRepository;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;

import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.ACTIVITIES;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.CRITERIA;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.MUNICIPALITIES;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.ORGANISATIONS;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.form;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.orgNumber;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoTexts.programmePdf;
import static se.kompetensportal.dialogfund.demo.DialogFundDemoWriter.instant;

/**
 * Demo data: IKO's dialog fund for every past year of the project period (150 000 kr a year, at most 25 000 kr an
 * application), with a year's worth of applications each, decided and reported; and a fund for the current year with a
 * period open around today, where the demo applicant (sokande@) has applications in every state and the demo
 * steering-group member (styrgrupp@) is a reviewer. The years follow the project's period (which the projects demo
 * moves to today). Loaded once; a later start finds IKO's current fund and leaves it alone.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class DialogFundDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DialogFundDemoData.class);
    private static final String DOMAIN = "@kompetensportal.example";
    private static final BigDecimal TOTAL = new BigDecimal("150000");
    private static final BigDecimal MAX = new BigDecimal("25000");
    private final FundRepository funds;
    private final FundPeriodRepository periods;
    private final FundCriterionRepository criteria;
    private final ApplicationRepository applications;
    private final AttachmentStore attachments;
    private final DialogFundDemoWriter writer;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;

    DialogFundDemoData(FundRepository funds, FundPeriodRepository periods, FundCriterionRepository criteria,
            ApplicationRepository applications, AttachmentStore attachments, DialogFundDemoWriter writer,
            ProjectsApi projects, AccountsApi accounts, Clock clock) {
        this.funds = funds;
        this.periods = periods;
        this.criteria = criteria;
        this.applications = applications;
        this.attachments = attachments;
        this.writer = writer;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<ProjectInfo> iko = projects.projectByFunderReference("2016/00175");
        Optional<UserSummary> sokande = accounts.userByEmail("sokande" + DOMAIN);
        LocalDate today = LocalDate.now(clock);
        if (iko.isEmpty() || sokande.isEmpty() || funds.existsByProjectIdAndYear(iko.get().id(), today.getYear())) {
            return;
        }
        long projectId = iko.get().id();
        Long reviewer = accounts.userByEmail("styrgrupp" + DOMAIN).map(UserSummary::id).orElse(null);
        Long secretary = accounts.userByEmail("sekreterare" + DOMAIN).map(UserSummary::id).orElse(0L);
        List<Long> others = List.of(
                applicant("kalmar.forening", "Amina Hassan"),
                applicant("schack.vastervik", "Erik Lund"),
                applicant("sv.kalmar", "Lena Berg"),
                applicant("ifk.emmaboda", "Omar Khalil"));
        int first = Math.min(iko.get().startDate().getYear(), today.getYear() - 1);
        int last = today.getYear() - 1;
        for (int year = first; year <= last; year++) {
            if (funds.existsByProjectIdAndYear(projectId, year)) {
                continue;
            }
            Fund fund = fund(projectId, year, reviewer);
            periods.save(new FundPeriod(fund.getId(), LocalDate.of(year, 2, 1), LocalDate.of(year, 3, 31)));
            periods.save(new FundPeriod(fund.getId(), LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 15)));
            pastYear(fund, others, sokande.get().id(), secretary, reviewer, year == last);
        }
        Fund current = fund(projectId, today.getYear(), reviewer);
        periods.save(new FundPeriod(current.getId(), today.minusDays(14), today.plusDays(30)));
        currentYear(current, sokande.get().id(), others, secretary, reviewer, today);
        log.info("Demo dialog fund loaded: IKO {}–{}", first, today.getYear());
    }

    private long applicant(String local, String name) {
        try {
            return accounts.ensureAccount(local + DOMAIN, name, Role.APPLICANT);
        } catch (AccountsApi.AccountRaceException raced) {
            return accounts.ensureAccount(local + DOMAIN, name, Role.APPLICANT);
        }
    }

    private Fund fund(long projectId, int year, Long reviewer) {
        Fund fund = new Fund(projectId, year, TOTAL, MAX);
        fund.setDescription("""
                Dialogpotten ger ideella organisationer i Kalmar län stöd till dialogbaserade aktiviteter där nyanlända \
                och personer som bott här länge möts och bygger interkulturell kompetens tillsammans. Stödet kan gå till \
                lokalhyra, fika, material, resor och arvoden till samtalsledare.""");
        fund.setMunicipalities(String.join("\n", MUNICIPALITIES));
        fund.setReportDueDays(30);
        if (reviewer != null) {
            fund.getReviewerIds().add(reviewer);
        }
        fund = funds.saveAndFlush(fund);
        for (int i = 0; i < CRITERIA.length; i++) {
            criteria.save(new FundCriterion(fund.getId(), i + 1, CRITERIA[i][0], CRITERIA[i][1]));
        }
        criteria.flush();
        return fund;
    }

    /**
     * Twelve applications: five granted and carried out, one granted (carried out too, except in the last past year,
     * whose final report is still missing), six rejected.
     */
    private void pastYear(Fund fund, List<Long> owners, long sokande, long secretary, Long reviewer, boolean last) {
        int year = fund.getYear();
        for (int i = 0; i < 12; i++) {
            long owner = i == 3 ? sokande : owners.get(i % owners.size());
            boolean spring = i % 2 == 0;
            LocalDate submitted = spring ? LocalDate.of(year, 3, 1 + i) : LocalDate.of(year, 10, 1 + i);
            LocalDate start = submitted.plusDays(40);
            Application a = writer.application(fund, owner, i % ORGANISATIONS.length, (i + year) % ACTIVITIES.length, start, start.plusDays(i % 3),
                    new BigDecimal(8000 + 1500 * i), submitted);
            LocalDate decided = submitted.plusDays(21);
            if (reviewer != null) {
                writer.review(a, reviewer, fund, i, decided.minusDays(3));
            }
            if (i < 6) {
                BigDecimal amount = a.getAmountRequested().subtract(new BigDecimal(i % 2 == 0 ? 0 : 1000));
                fund.grant(amount);
                a.grant(amount, null, decided, secretary, fund.getReportDueDays(), instant(decided));
                a.paid(decided.plusDays(10));
                if (i < 5 || !last) {
                    writer.report(a, start, i, amount);
                }
            } else {
                a.reject("Ansökan prioriterades inte i denna omgång. Styrgruppen gav företräde åt aktiviteter med "
                        + "fler deltagare från båda grupperna.", decided, secretary, instant(decided));
            }
        }
        applications.flush();
    }

    private void currentYear(Fund fund, long sokande, List<Long> others, long secretary, Long reviewer,
            LocalDate today) {
        // A draft, half filled in.
        Application draft = new Application(fund.getId(), sokande, "sv");
        draft.update(form(0, ACTIVITIES[0], null, null, null, List.of()), orgNumber(0), List.of(), "sv",
                clock.instant());
        draft = applications.save(draft);

        Application submitted = writer.application(fund, sokande, 0, 9, today.plusDays(25), today.plusDays(25),
                new BigDecimal("12000"), today.minusDays(5));
        attachments.store(submitted.getId(), AttachmentPurpose.APPLICATION, "Program familjedagen.pdf",
                programmePdf(ACTIVITIES[9][0]), "bilaga");

        Application underReview = writer.application(fund, sokande, 0, 1, today.plusDays(40), today.plusDays(90),
                new BigDecimal("20000"), today.minusDays(10));
        if (reviewer != null) {
            writer.review(underReview, reviewer, fund, 2, today.minusDays(2));
        }
        underReview.startReview(instant(today.minusDays(2)));

        Application granted = writer.application(fund, sokande, 0, 7, today.plusDays(10), today.plusDays(20),
                new BigDecimal("15000"), today.minusDays(12));
        fund.grant(new BigDecimal("15000"));
        granted.grant(new BigDecimal("15000"), null, today.minusDays(3), secretary, fund.getReportDueDays(),
                instant(today.minusDays(3)));
        granted.paymentRequested(today.minusDays(1));

        Application rejected = writer.application(fund, sokande, 0, 11, today.plusDays(30), today.plusDays(30),
                new BigDecimal("25000"), today.minusDays(13));
        rejected.reject("Budgeten är för stor i förhållande till antalet deltagare. Ni är välkomna att söka igen "
                + "med en mindre budget.", today.minusDays(4), secretary, instant(today.minusDays(4)));

        Application carriedOut = writer.application(fund, sokande, 0, 2, today.minusDays(10), today.minusDays(9),
                new BigDecimal("9000"), today.minusDays(14));
        fund.grant(new BigDecimal("9000"));
        carriedOut.grant(new BigDecimal("9000"), null, today.minusDays(12), secretary, fund.getReportDueDays(),
                instant(today.minusDays(12)));
        carriedOut.paid(today.minusDays(11));
        writer.report(carriedOut, today.minusDays(10), 2, new BigDecimal("9000"));

        writer.application(fund, others.get(1), 1, 3, today.plusDays(20), today.plusDays(50), new BigDecimal("8000"),
                today.minusDays(6));
        writer.application(fund, others.get(3), 3, 4, today.plusDays(15), today.plusDays(60), new BigDecimal("18000"),
                today.minusDays(2));
        applications.flush();
        log.debug("Demo draft {} for the demo applicant", draft.getId());
    }
}
