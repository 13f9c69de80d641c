package se.kompetensportal.dialogfund.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;

/**
 * Review by the steering group: a member whom the secretary made a reviewer of a fund scores each submitted
 * application on the fund's criteria, 1–5, with a comment, until the application is decided. Reviewers see only
 * their own scores. The first review puts a submitted application "under review".
 */
@Service
public class ReviewService {

    private final ApplicationRepository applications;
    private final FundRepository funds;
    private final FundCriterionRepository criteria;
    private final ReviewRepository reviews;
    private final ApplicationAccess access;
    private final ApplicationViews views;
    private final FundSummaries summaries;
    private final Clock clock;

    ReviewService(ApplicationRepository applications, FundRepository funds, FundCriterionRepository criteria,
            ReviewRepository reviews, ApplicationAccess access, ApplicationViews views, FundSummaries summaries,
            Clock clock) {
        this.applications = applications;
        this.funds = funds;
        this.criteria = criteria;
        this.reviews = reviews;
        this.access = access;
        this.views = views;
        this.summaries = summaries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ReviewQueue queue(PortalUser user, ApplicationStatus filter) {
        if (!user.hasRole(Role.STEERING) || user.projectIds().isEmpty()) {
            return new ReviewQueue(List.of(), Map.of(), filter);
        }
        List<Long> fundIds = funds.idsReviewedBy(user.id(), user.projectIds());
        if (fundIds.isEmpty()) {
            return new ReviewQueue(List.of(), Map.of(), filter);
        }
        List<ApplicationListItem> list = applications.listForReviewer(fundIds, user.id(), filter);
        Map<Long, String> names = summaries.projectsOf(list.stream().map(ApplicationListItem::projectId)
                .collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(ProjectInfo::id, ProjectInfo::name));
        return new ReviewQueue(list, names, filter);
    }

    @Transactional(readOnly = true)
    public ReviewPage page(PortalUser user, long id) {
        ApplicationAccess.Case c = access.reviewable(user, id);
        List<FundCriterion> fundCriteria = criteria.findByFundIdOrderByPositionAscIdAsc(c.fund().getId());
        Review mine = reviews.findByApplicationIdAndReviewerId(id, user.id()).orElse(null);
        List<ReviewForm.ScoreForm> scores = fundCriteria.stream()
                .map(cr -> new ReviewForm.ScoreForm(cr.getId(), mine == null ? null : mine.getScores().get(cr.getId())))
                .toList();
        ReviewForm form = new ReviewForm(scores, mine == null ? null : mine.getComment(),
                mine == null ? null : mine.getVersion());
        ApplicationDetails details = views.details(c.application(), c.fund(), LocalDate.now(clock));
        return new ReviewPage(details, details.fund().criteria(), form,
                c.application().getStatus().isAwaitingDecision(), mine != null);
    }

    @Transactional
    public void save(PortalUser user, long id, ReviewForm form) {
        ApplicationAccess.Case c = access.reviewable(user, id);
        Application a = c.application();
        if (!a.getStatus().isAwaitingDecision()) {
            throw new BusinessRuleException("dialogfund.review.decided", a.getReference());
        }
        Set<Long> criterionIds = criteria.findByFundIdOrderByPositionAscIdAsc(c.fund().getId()).stream()
                .map(FundCriterion::getId).collect(Collectors.toSet());
        Map<Long, Integer> scores = new HashMap<>();
        form.scores().forEach(s -> scores.put(s.criterionId(), s.score()));
        if (!scores.keySet().equals(criterionIds)) {
            throw new BusinessRuleException("dialogfund.review.criteriaChanged");
        }
        Review review = reviews.findByApplicationIdAndReviewerId(id, user.id()).orElse(null);
        if (review == null) {
            if (form.version() != null) {
                throw new ConcurrentEditException("Review", id);
            }
            review = new Review(id, user.id());
        } else if (form.version() == null || form.version() != review.getVersion()) {
            throw new ConcurrentEditException("Review", id);
        }
        review.update(scores, form.comment(), clock.instant());
        try {
            reviews.saveAndFlush(review);
        } catch (DataIntegrityViolationException twice) {
            throw new ConcurrentEditException("Review", id);
        }
        a.startReview(clock.instant());
    }
}
