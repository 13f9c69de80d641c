package se.kompetensportal.dialogfund.domain;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * What a fund is run by: its application periods (never overlapping), the criteria reviewers score (not deleted once
 * scored) and its reviewers (steering-group members of the project). Only those who manage the project change them.
 */
@Service
public class FundSetup {

    private final FundRepository funds;
    private final FundPeriodRepository periods;
    private final FundCriterionRepository criteria;
    private final ReviewRepository reviews;
    private final AccountsApi accounts;

    FundSetup(FundRepository funds, FundPeriodRepository periods, FundCriterionRepository criteria,
            ReviewRepository reviews, AccountsApi accounts) {
        this.funds = funds;
        this.periods = periods;
        this.criteria = criteria;
        this.reviews = reviews;
        this.accounts = accounts;
    }

    @Transactional
    public void addPeriod(PortalUser user, long fundId, PeriodForm form) {
        managed(funds, user, fundId);
        boolean overlaps = periods.findByFundIdOrderByOpensOn(fundId).stream()
                .anyMatch(p -> !form.opensOn().isAfter(p.getClosesOn()) && !form.closesOn().isBefore(p.getOpensOn()));
        if (overlaps) {
            throw new FieldRejectedException("opensOn", "dialogfund.period.overlaps");
        }
        periods.save(new FundPeriod(fundId, form.opensOn(), form.closesOn()));
    }

    @Transactional
    public void deletePeriod(PortalUser user, long fundId, long periodId) {
        managed(funds, user, fundId);
        periods.delete(periods.findByIdAndFundId(periodId, fundId)
                .orElseThrow(() -> new NotFoundException("Period", periodId)));
    }

    @Transactional
    public void addCriterion(PortalUser user, long fundId, CriterionForm form) {
        managed(funds, user, fundId);
        criteria.save(new FundCriterion(fundId, criteria.maxPosition(fundId) + 1, form.name().strip(),
                form.description() == null || form.description().isBlank() ? null : form.description().strip()));
    }

    @Transactional
    public void deleteCriterion(PortalUser user, long fundId, long criterionId) {
        managed(funds, user, fundId);
        FundCriterion criterion = criteria.findByIdAndFundId(criterionId, fundId)
                .orElseThrow(() -> new NotFoundException("Criterion", criterionId));
        if (reviews.anyScoreOn(criterionId)) {
            throw new BusinessRuleException("dialogfund.criterion.inUse", criterion.getName());
        }
        criteria.delete(criterion);
    }

    /** Makes exactly these steering-group members of the project the fund's reviewers. */
    @Transactional
    public void setReviewers(PortalUser user, long fundId, Collection<Long> userIds) {
        Fund fund = managed(funds, user, fundId);
        Set<Long> steering = steeringOf(accounts, fund.getProjectId()).stream().map(UserSummary::id).collect(Collectors.toSet());
        if (!steering.containsAll(userIds)) {
            throw new BusinessRuleException("dialogfund.reviewers.notSteering");
        }
        fund.getReviewerIds().clear();
        fund.getReviewerIds().addAll(userIds);
    }

    /** The enabled steering-group members of the project: who may review its funds. */
    static List<UserSummary> steeringOf(AccountsApi accounts, long projectId) {
        return accounts.usersWithRole(Role.STEERING, projectId).stream().filter(UserSummary::enabled).toList();
    }

    /** The fund, or 404; 403 unless the user manages its project. */
    static Fund managed(FundRepository funds, PortalUser user, long fundId) {
        Fund fund = funds.findById(fundId).orElseThrow(() -> new NotFoundException("Fund", fundId));
        user.requireManage(fund.getProjectId());
        return fund;
    }
}
