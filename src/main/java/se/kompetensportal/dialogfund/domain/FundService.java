package se.kompetensportal.dialogfund.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.dialogfund.FundFigures;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Funds as the secretary keeps them: settings and the overview of every fund against its targets (application periods,
 * criteria and reviewers are {@link FundSetup}). Administrators see all projects' funds, a secretary those of their projects; the
 * public sees which funds are open.
 */
@Service
public class FundService {

    private final FundRepository funds;
    private final FundPeriodRepository periods;
    private final FundCriterionRepository criteria;
    private final ApplicationRepository applications;
    private final FundSummaries summaries;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;

    FundService(FundRepository funds, FundPeriodRepository periods, FundCriterionRepository criteria,
            ApplicationRepository applications, FundSummaries summaries,
            ProjectsApi projects, AccountsApi accounts, Clock clock) {
        this.funds = funds;
        this.periods = periods;
        this.criteria = criteria;
        this.applications = applications;
        this.summaries = summaries;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Funds applicants can apply to now or later (an application period that has not ended). */
    @Transactional(readOnly = true)
    public List<FundSummary> openOrUpcoming() {
        LocalDate today = LocalDate.now(clock);
        return summaries.of(funds.withPeriodEndingOnOrAfter(today), today);
    }

    @Transactional(readOnly = true)
    public List<FundOverviewRow> overview(PortalUser user) {
        List<FundFigures> figures;
        if (user.isAdmin()) {
            figures = funds.figuresOfAll();
        } else if (user.hasRole(Role.SECRETARY) && !user.projectIds().isEmpty()) {
            figures = funds.figuresOfProjects(user.projectIds());
        } else {
            figures = List.of();
        }
        Map<Long, ProjectInfo> names = summaries.projectsOf(figures.stream().map(FundFigures::projectId)
                .collect(Collectors.toSet()));
        return figures.stream().map(f -> {
            ProjectInfo p = names.get(f.projectId());
            return new FundOverviewRow(f, p == null ? "" : p.name(), p == null ? "" : p.shortName());
        }).toList();
    }

    /** The projects the user may create funds for. */
    @Transactional(readOnly = true)
    public List<ProjectOption> manageableProjects(PortalUser user) {
        List<ProjectInfo> visible = user.isAdmin() ? projects.projects()
                : user.hasRole(Role.SECRETARY) ? projects.projects(user.projectIds()) : List.of();
        return visible.stream().map(p -> new ProjectOption(p.id(), p.shortName(), p.name())).toList();
    }

    public FundForm newForm(Long projectId) {
        return new FundForm(projectId, LocalDate.now(clock).getYear(), null, null, null, null, 30, 10, 5, null);
    }

    @Transactional
    public long create(PortalUser user, FundForm form) {
        user.requireManage(form.projectId());
        if (projects.project(form.projectId()).isEmpty()) {
            throw new FieldRejectedException("projectId", "dialogfund.fund.projectUnknown");
        }
        if (funds.existsByProjectIdAndYear(form.projectId(), form.year())) {
            throw new FieldRejectedException("year", "dialogfund.fund.yearTaken", String.valueOf(form.year()));
        }
        checkMax(form);
        Fund fund = new Fund(form.projectId(), form.year(), form.totalAmount(), form.maxPerApplication());
        apply(fund, form);
        Fund previous = funds.findFirstByProjectIdAndYearLessThanOrderByYearDesc(form.projectId(), form.year())
                .orElse(null);
        if (previous != null) {
            Set<Long> steering = steeringOf(form.projectId()).stream().map(UserSummary::id).collect(Collectors.toSet());
            previous.getReviewerIds().stream().filter(steering::contains).forEach(fund.getReviewerIds()::add);
        }
        try {
            fund = funds.saveAndFlush(fund);
        } catch (DataIntegrityViolationException raced) {
            throw new FieldRejectedException("year", "dialogfund.fund.yearTaken", String.valueOf(form.year()));
        }
        if (previous != null) {
            for (FundCriterion c : criteria.findByFundIdOrderByPositionAscIdAsc(previous.getId())) {
                criteria.save(new FundCriterion(fund.getId(), c.getPosition(), c.getName(), c.getDescription()));
            }
        }
        return fund.getId();
    }

    @Transactional(readOnly = true)
    public FundForm editForm(PortalUser user, long fundId) {
        Fund f = managed(user, fundId);
        return new FundForm(f.getProjectId(), f.getYear(), f.getTotalAmount(), f.getMaxPerApplication(),
                f.getDescription(), f.getMunicipalities(), f.getReportDueDays(), f.getTargetApplications(),
                f.getTargetCarriedOut(), f.getVersion());
    }

    @Transactional
    public void update(PortalUser user, long fundId, FundForm form) {
        Fund fund = funds.lockById(fundId).orElseThrow(() -> new NotFoundException("Fund", fundId));
        user.requireManage(fund.getProjectId());
        if (form.version() == null || form.version() != fund.getVersion()) {
            throw new ConcurrentEditException("Fund", fundId);
        }
        if (form.year() != fund.getYear() && funds.existsByProjectIdAndYear(fund.getProjectId(), form.year())) {
            throw new FieldRejectedException("year", "dialogfund.fund.yearTaken", String.valueOf(form.year()));
        }
        checkMax(form);
        fund.changeTotal(form.totalAmount());
        fund.setYear(form.year());
        apply(fund, form);
        funds.flush();
    }

    @Transactional(readOnly = true)
    public FundPage page(PortalUser user, long fundId, ApplicationStatus filter) {
        Fund fund = managed(user, fundId);
        LocalDate today = LocalDate.now(clock);
        List<PeriodRowSource> rows = periods.findByFundIdOrderByOpensOn(fundId).stream()
                .map(p -> new PeriodRowSource(p, today)).toList();
        Map<ApplicationStatus, Long> counts = new EnumMap<>(ApplicationStatus.class);
        applications.countByStatus(fundId).forEach(c -> counts.put(c.status(), c.count()));
        List<FundPage.ReviewerOption> reviewers = steeringOf(fund.getProjectId()).stream()
                .map(u -> new FundPage.ReviewerOption(u.id(), u.displayName(), u.email(),
                        fund.getReviewerIds().contains(u.id())))
                .toList();
        FundSummary summary = summaries.of(fund, today);
        return new FundPage(summary, funds.figuresOfFund(fundId), fund.getReportDueDays(), fund.getMunicipalities(),
                rows.stream().map(PeriodRowSource::row).toList(), summary.criteria(), reviewers,
                applications.listOfFund(fundId, filter), counts, filter, today);
    }

    private List<UserSummary> steeringOf(long projectId) {
        return FundSetup.steeringOf(accounts, projectId);
    }

    private Fund managed(PortalUser user, long fundId) {
        return FundSetup.managed(funds, user, fundId);
    }

    private static void checkMax(FundForm form) {
        if (form.maxPerApplication().compareTo(form.totalAmount()) > 0) {
            throw new FieldRejectedException("maxPerApplication", "dialogfund.fund.maxAboveTotal");
        }
    }

    private static void apply(Fund fund, FundForm form) {
        fund.setMaxPerApplication(form.maxPerApplication());
        fund.setDescription(Texts.blankToNull(form.description()));
        fund.setMunicipalities(Texts.blankToNull(form.municipalities()));
        fund.setReportDueDays(form.reportDueDays());
        fund.setTargetApplications(form.targetApplications());
        fund.setTargetCarriedOut(form.targetCarriedOut());
    }

    private record PeriodRowSource(FundPeriod period, LocalDate today) {
        FundPage.PeriodRow row() {
            FundPage.PeriodState state = period.isOpenOn(today) ? FundPage.PeriodState.OPEN
                    : period.getClosesOn().isBefore(today) ? FundPage.PeriodState.PAST : FundPage.PeriodState.UPCOMING;
            return new FundPage.PeriodRow(period.getId(), period.getOpensOn(), period.getClosesOn(), state);
        }
    }
}
