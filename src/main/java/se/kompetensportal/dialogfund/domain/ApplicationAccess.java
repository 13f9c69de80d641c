package se.kompetensportal.dialogfund.domain;

import org.springframework.stereotype.Component;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Who may see an application. The applicant who owns it; the administrators and the secretaries of its fund's project;
 * the steering-group members of that project whom the secretary made reviewers of the fund (submitted applications
 * only). To anyone else it does not exist (404), except a secretary of another project, who is refused (403).
 */
@Component
class ApplicationAccess {

    private final ApplicationRepository applications;
    private final FundRepository funds;

    ApplicationAccess(ApplicationRepository applications, FundRepository funds) {
        this.applications = applications;
        this.funds = funds;
    }

    /** The applicant's own application. */
    Application owned(PortalUser user, long id) {
        if (!user.hasRole(Role.APPLICANT)) {
            throw new NotFoundException("Application", id);
        }
        return applications.findByIdAndOwnerId(id, user.id())
                .orElseThrow(() -> new NotFoundException("Application", id));
    }

    /** An application of a project the user manages (403 for another project's secretary). */
    Case managed(PortalUser user, long id) {
        Application a = applications.findById(id).orElseThrow(() -> new NotFoundException("Application", id));
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        user.requireManage(fund.getProjectId());
        return new Case(a, fund);
    }

    /**
     * As {@link #managed(PortalUser, long)}, with the fund locked first and the application read after the lock: two decisions on
     * one fund run one after the other, each seeing what the other left.
     */
    Case managedForUpdate(PortalUser user, long id) {
        long fundId = applications.fundIdOf(id).orElseThrow(() -> new NotFoundException("Application", id));
        Fund fund = funds.lockById(fundId).orElseThrow(() -> new NotFoundException("Application", id));
        user.requireManage(fund.getProjectId());
        Application a = applications.findById(id).orElseThrow(() -> new NotFoundException("Application", id));
        return new Case(a, fund);
    }

    /** A submitted application of a fund the user reviews. */
    Case reviewable(PortalUser user, long id) {
        Application a = applications.findById(id).orElseThrow(() -> new NotFoundException("Application", id));
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        if (!isReviewer(user, fund) || a.getStatus() == ApplicationStatus.DRAFT) {
            throw new NotFoundException("Application", id);
        }
        return new Case(a, fund);
    }

    /** Whether the user may read the application and its files (owner, manager or reviewer). */
    boolean mayRead(PortalUser user, Application a, Fund fund) {
        return (user.hasRole(Role.APPLICANT) && a.getOwnerId() == user.id())
                || user.canManageProject(fund.getProjectId())
                || (isReviewer(user, fund) && a.getStatus() != ApplicationStatus.DRAFT);
    }

    static boolean isReviewer(PortalUser user, Fund fund) {
        return user.hasRole(Role.STEERING) && user.projectIds().contains(fund.getProjectId())
                && fund.getReviewerIds().contains(user.id());
    }

    /** An application with its fund. */
    record Case(Application application, Fund fund) {
    }
}
