package se.kompetensportal.dialogfund.domain;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The decision letter of a decided application, to download again after the mail that carried it: made anew from the
 * decision as recorded, for those who may read the application (its applicant, the project's staff, the fund's
 * reviewers). An application without a decision has no letter (404).
 */
@Service
public class DecisionLetterService {

    private final ApplicationRepository applications;
    private final FundRepository funds;
    private final ApplicationAccess access;
    private final DecisionLetters letters;
    private final ProjectsApi projects;
    private final AccountsApi accounts;

    DecisionLetterService(ApplicationRepository applications, FundRepository funds, ApplicationAccess access,
            DecisionLetters letters, ProjectsApi projects, AccountsApi accounts) {
        this.applications = applications;
        this.funds = funds;
        this.access = access;
        this.letters = letters;
        this.projects = projects;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Download letter(PortalUser user, long applicationId) {
        Application a = applications.findById(applicationId)
                .orElseThrow(() -> new NotFoundException("Decision letter", applicationId));
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        if (a.getDecidedOn() == null || !access.mayRead(user, a, fund)) {
            throw new NotFoundException("Decision letter", applicationId);
        }
        ProjectInfo project = projects.project(fund.getProjectId()).orElseThrow();
        String decidedBy = a.getDecidedBy() == null ? ""
                : accounts.user(a.getDecidedBy()).map(UserSummary::displayName).orElse("");
        return new Download(DialogFundMails.letterFilename(a), "application/pdf",
                letters.render(a, fund, project, decidedBy));
    }
}
