package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.dialogfund.ApplicationCarriedOut;
import se.kompetensportal.dialogfund.ApplicationDecided;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary's handling of an application: starting the review, the decision (which takes the grant from the fund
 * under a lock, mails the decision letter and tells other modules), the payment, and the final report.
 */
@Service
public class CaseService {

    private final ApplicationAccess access;
    private final ApplicationViews views;
    private final FundCriterionRepository criteria;
    private final ReviewRepository reviews;
    private final FinalReportRepository reports;
    private final DecisionLetters letters;
    private final DialogFundMails mails;
    private final AccountsApi accounts;
    private final ProjectsApi projects;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseService(ApplicationAccess access, ApplicationViews views, FundCriterionRepository criteria,
            ReviewRepository reviews, FinalReportRepository reports, DecisionLetters letters, DialogFundMails mails,
            AccountsApi accounts, ProjectsApi projects, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.views = views;
        this.criteria = criteria;
        this.reviews = reviews;
        this.reports = reports;
        this.letters = letters;
        this.mails = mails;
        this.accounts = accounts;
        this.projects = projects;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CaseDetails details(PortalUser user, long id) {
        ApplicationAccess.Case c = access.managed(user, id);
        ApplicationDetails details = views.details(c.application(), c.fund(), LocalDate.now(clock));
        List<Review> all = reviews.withScoresOfApplication(id);
        Set<Long> people = new HashSet<>(c.fund().getReviewerIds());
        all.forEach(r -> people.add(r.getReviewerId()));
        Map<Long, UserSummary> names = accounts.users(people).stream()
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
        List<CaseDetails.ReviewView> reviewViews = all.stream()
                .map(r -> new CaseDetails.ReviewView(name(names, r.getReviewerId()), Map.copyOf(r.getScores()),
                        r.getComment(), r.getUpdatedAt()))
                .toList();
        List<FundCriterion> fundCriteria = criteria.findByFundIdOrderByPositionAscIdAsc(c.fund().getId());
        Map<Long, Double> averages = new LinkedHashMap<>();
        for (FundCriterion criterion : fundCriteria) {
            all.stream().map(r -> r.getScores().get(criterion.getId())).filter(s -> s != null)
                    .mapToInt(Integer::intValue).average().ifPresent(avg -> averages.put(criterion.getId(), avg));
        }
        Double overall = all.stream().flatMap(r -> r.getScores().values().stream()).mapToInt(Integer::intValue)
                .average().stream().boxed().findFirst().orElse(null);
        Set<Long> reviewed = all.stream().map(Review::getReviewerId).collect(Collectors.toSet());
        List<String> pending = c.fund().getReviewerIds().stream().filter(r -> !reviewed.contains(r))
                .map(r -> name(names, r)).sorted().toList();
        return new CaseDetails(details, details.fund().criteria(), reviewViews, averages, overall, pending,
                c.fund().getRemainingAmount(), c.fund().getVersion());
    }

    @Transactional
    public void startReview(PortalUser user, long id) {
        ApplicationAccess.Case c = access.managed(user, id);
        Application a = c.application();
        if (a.getStatus() != ApplicationStatus.SUBMITTED) {
            throw new BusinessRuleException("dialogfund.review.cannotStart");
        }
        a.startReview(clock.instant());
    }

    /**
     * Records the decision. The fund is locked first, so that two decisions on one fund run one after the other and a
     * grant larger than what the other left is refused; the letter is mailed in the same transaction.
     */
    @Transactional
    public void decide(PortalUser user, long id, DecisionForm form) {
        ApplicationAccess.Case c = access.managedForUpdate(user, id);
        Application a = c.application();
        Fund fund = c.fund();
        a.requireAwaitingDecision();
        if (form.version() == null || form.version() != a.getVersion()) {
            throw new ConcurrentEditException("Application", id);
        }
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        String reason = Texts.blankToNull(form.reason());
        if (form.outcome() == Outcome.GRANT) {
            if (form.amount() == null) {
                throw new FieldRejectedException("amount", "NotNull");
            }
            if (form.amount().compareTo(a.getAmountRequested()) > 0) {
                throw new FieldRejectedException("amount", "dialogfund.decision.aboveRequested",
                        a.getAmountRequested());
            }
            fund.grant(form.amount());
            a.grant(form.amount(), reason, today, user.id(), fund.getReportDueDays(), now);
        } else {
            if (reason == null) {
                throw new FieldRejectedException("reason", "dialogfund.decision.reasonRequired");
            }
            a.reject(reason, today, user.id(), now);
        }
        ProjectInfo project = projects.project(fund.getProjectId()).orElseThrow();
        byte[] letter = letters.render(a, fund, project, user.displayName());
        mails.decision(a, fund, project.name(), ownerEmail(a), letter);
        events.publishEvent(new ApplicationDecided(a.getId(), fund.getId(), fund.getProjectId(), fund.getYear(),
                a.getReference(), a.getStatus().isGranted(),
                a.getStatus().isGranted() ? a.getGrantedAmount() : BigDecimal.ZERO, today));
    }

    @Transactional
    public void recordPayment(PortalUser user, long id, PaymentStep step) {
        Application a = access.managed(user, id).application();
        LocalDate today = LocalDate.now(clock);
        switch (step) {
            case REQUESTED -> a.paymentRequested(today);
            case PAID -> a.paid(today);
        }
    }

    /** Approves the final report: the application is carried out. */
    @Transactional
    public void approveReport(PortalUser user, long id, Long version) {
        ApplicationAccess.Case c = access.managed(user, id);
        Application a = c.application();
        FinalReport report = reports.findById(id).orElseThrow(() -> new BusinessRuleException("dialogfund.report.notSubmitted"));
        if (version == null || !version.equals(report.getVersion())) {
            throw new ConcurrentEditException("Final report", id);
        }
        LocalDate today = LocalDate.now(clock);
        report.approve(clock.instant());
        a.carriedOut(today, clock.instant());
        Fund fund = c.fund();
        mails.reportApproved(a, fund, projectName(fund), ownerEmail(a));
        events.publishEvent(new ApplicationCarriedOut(a.getId(), fund.getId(), fund.getProjectId(), fund.getYear(),
                a.getReference(), report.getHeldOn(), report.getParticipantsWomen(), report.getParticipantsMen(),
                report.getParticipantsNewcomers(), report.getParticipantsLongTimeResidents(), report.getActualCosts(),
                today));
    }

    @Transactional
    public void returnReport(PortalUser user, long id, ReturnReportForm form) {
        ApplicationAccess.Case c = access.managed(user, id);
        FinalReport report = reports.findById(id).orElseThrow(() -> new BusinessRuleException("dialogfund.report.notSubmitted"));
        report.returnForCompletion(form.comment());
        mails.reportReturned(c.application(), c.fund(), projectName(c.fund()), ownerEmail(c.application()),
                form.comment().strip());
    }

    private String projectName(Fund fund) {
        return projects.project(fund.getProjectId()).map(ProjectInfo::name).orElse("");
    }

    private String ownerEmail(Application a) {
        return accounts.user(a.getOwnerId()).map(UserSummary::email)
                .orElseThrow(() -> new NotFoundException("User", a.getOwnerId()));
    }

    private static String name(Map<Long, UserSummary> users, long id) {
        UserSummary u = users.get(id);
        return u == null ? "#" + id : u.displayName();
    }
}
