package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.dialogfund.ApplicationSubmitted;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.validation.OrganisationNumbers;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The applicant's side: drafts and submission with a reference number and a receipt (attachments are
 * {@link ApplicantAttachments}, the final report {@link ApplicantReports}). Every method works only on the given
 * applicant's own applications; another applicant's is "not found".
 */
@Service
public class ApplicantService {

    private final ApplicationRepository applications;
    private final FundRepository funds;
    private final FundPeriodRepository periods;
    private final ApplicationAccess access;
    private final ApplicationViews views;
    private final FundSummaries summaries;
    private final ReferenceNumbers references;
    private final DialogFundMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApplicantService(ApplicationRepository applications, FundRepository funds, FundPeriodRepository periods,
            ApplicationAccess access, ApplicationViews views, FundSummaries summaries, ReferenceNumbers references,
            DialogFundMails mails, ApplicationEventPublisher events, Clock clock) {
        this.applications = applications;
        this.funds = funds;
        this.periods = periods;
        this.access = access;
        this.views = views;
        this.summaries = summaries;
        this.references = references;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MyApplications mine(PortalUser user) {
        requireApplicant(user);
        LocalDate today = LocalDate.now(clock);
        List<ApplicationListItem> list = applications.listOfOwner(user.id());
        List<FundSummary> open = summaries.of(funds.withPeriodEndingOnOrAfter(today), today);
        Map<Long, String> names = summaries.projectsOf(list.stream().map(ApplicationListItem::projectId)
                        .collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(ProjectInfo::id, ProjectInfo::name));
        return new MyApplications(list, names, open, today);
    }

    /**
     * Starts a draft to a fund that is open or will open; the organisation and contact person are copied from the
     * applicant's latest application, if any.
     */
    @Transactional
    public long startDraft(PortalUser user, long fundId, Locale locale) {
        requireApplicant(user);
        Fund fund = funds.findById(fundId).orElseThrow(() -> new NotFoundException("Fund", fundId));
        LocalDate today = LocalDate.now(clock);
        boolean openOrUpcoming = periods.findByFundIdOrderByOpensOn(fundId).stream()
                .anyMatch(p -> !p.getClosesOn().isBefore(today));
        if (!openOrUpcoming) {
            throw new BusinessRuleException("dialogfund.fund.noPeriod");
        }
        Application draft = new Application(fund.getId(), user.id(), locale.getLanguage());
        ApplicationForm prefill = applications
                .findFirstByOwnerIdAndOrganisationNameIsNotNullOrderByUpdatedAtDesc(user.id())
                .map(previous -> new ApplicationForm(previous.getOrganisationName(),
                        previous.getOrganisationNumber(), previous.getOrganisationKind(),
                        fund.municipalityList().isEmpty() || fund.municipalityList().contains(previous.getMunicipality())
                                ? previous.getMunicipality() : null,
                        previous.getContactName(), previous.getContactEmail(), previous.getContactPhone(), null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null))
                .orElse(new ApplicationForm(null, null, null, null, user.displayName(), user.email(), null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null));
        draft.update(prefill, prefill.organisationNumber(), List.of(), locale.getLanguage(), clock.instant());
        return applications.save(draft).getId();
    }

    @Transactional(readOnly = true)
    public ApplicationDetails details(PortalUser user, long id) {
        Application a = access.owned(user, id);
        return views.details(a, funds.findById(a.getFundId()).orElseThrow(), LocalDate.now(clock));
    }

    @Transactional(readOnly = true)
    public ApplicationForm editForm(PortalUser user, long id) {
        Application a = access.owned(user, id);
        a.requireDraft();
        List<ApplicationForm.BudgetLineForm> lines = new ArrayList<>(a.getBudgetLines().stream()
                .map(l -> new ApplicationForm.BudgetLineForm(l.getDescription(), l.getAmount())).toList());
        return new ApplicationForm(a.getOrganisationName(), a.getOrganisationNumber(), a.getOrganisationKind(),
                a.getMunicipality(), a.getContactName(), a.getContactEmail(), a.getContactPhone(), a.getTitle(),
                a.getDescription(), a.getTargetGroups(), a.getPlannedStart(), a.getPlannedEnd(), a.getPlace(),
                a.getExpectedWomen(), a.getExpectedMen(), a.getExpectedNewcomers(), a.getExpectedLongTimeResidents(),
                a.getPartners(), lines, a.getAmountRequested(), a.getVersion());
    }

    /** The fund an application is for, as the form shows it (open or not, municipalities, largest amount). */
    @Transactional(readOnly = true)
    public FundSummary fundOf(PortalUser user, long id) {
        Application a = access.owned(user, id);
        return summaries.of(funds.findById(a.getFundId()).orElseThrow(), LocalDate.now(clock));
    }

    @Transactional
    public void saveDraft(PortalUser user, long id, ApplicationForm form, Locale locale) {
        Application a = access.owned(user, id);
        a.requireDraft();
        checkVersion(a, form);
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        apply(a, fund, form, locale);
        applications.flush();
    }

    /** Saves and submits the application; returns its new reference number. */
    @Transactional
    public String submit(PortalUser user, long id, ApplicationForm form, Locale locale) {
        Application a = access.owned(user, id);
        a.requireDraft();
        checkVersion(a, form);
        Fund fund = funds.findById(a.getFundId()).orElseThrow();
        FundSummary summary = summaries.of(fund, LocalDate.now(clock));
        if (!summary.isOpen()) {
            throw summary.nextPeriod() == null ? new BusinessRuleException("dialogfund.fund.closed")
                    : new BusinessRuleException("dialogfund.fund.closedUntil", summary.nextPeriod().opensOn());
        }
        apply(a, fund, form, locale);
        if (a.getBudgetLines().isEmpty()) {
            throw new FieldRejectedException("budgetLines", "dialogfund.budget.required");
        }
        if (a.getAmountRequested().compareTo(a.budgetTotal()) > 0) {
            throw new FieldRejectedException("amountRequested", "dialogfund.amount.aboveBudget", a.budgetTotal());
        }
        Instant now = clock.instant();
        a.submit(references.next(fund.getYear()), now);
        applications.flush();
        mails.receipt(a, fund, summary.projectName(), user.email());
        mails.toSecretaries(a, fund, summary.projectName(), false);
        events.publishEvent(new ApplicationSubmitted(a.getId(), fund.getId(), fund.getProjectId(), fund.getYear(),
                a.getReference(), a.getAmountRequested(), now));
        return a.getReference();
    }

    @Transactional
    public void deleteDraft(PortalUser user, long id) {
        Application a = access.owned(user, id);
        a.requireDraft();
        applications.delete(a);
    }

    private void apply(Application a, Fund fund, ApplicationForm form, Locale locale) {
        String orgNumber = null;
        if (form.organisationNumber() != null && !form.organisationNumber().isBlank()) {
            orgNumber = OrganisationNumbers.normalise(form.organisationNumber())
                    .orElseThrow(() -> new FieldRejectedException("organisationNumber", "OrganisationNumber"));
        }
        List<String> municipalities = fund.municipalityList();
        if (!municipalities.isEmpty() && form.municipality() != null && !form.municipality().isBlank()
                && !municipalities.contains(form.municipality().strip())) {
            throw new FieldRejectedException("municipality", "dialogfund.application.municipality.unknown");
        }
        List<BudgetLine> lines = new ArrayList<>();
        for (int i = 0; i < form.budgetLines().size(); i++) {
            ApplicationForm.BudgetLineForm line = form.budgetLines().get(i);
            if (line == null || line.isBlank()) {
                continue;
            }
            if (line.description() == null || line.description().isBlank()) {
                throw new FieldRejectedException("budgetLines[" + i + "].description", "NotBlank");
            }
            if (line.amount() == null) {
                throw new FieldRejectedException("budgetLines[" + i + "].amount", "NotNull");
            }
            lines.add(new BudgetLine(line.description().strip(), line.amount()));
        }
        BigDecimal requested = form.amountRequested();
        if (requested != null && requested.compareTo(fund.getMaxPerApplication()) > 0) {
            throw new FieldRejectedException("amountRequested", "dialogfund.amount.aboveMax",
                    fund.getMaxPerApplication());
        }
        a.update(form, orgNumber, lines, locale.getLanguage(), clock.instant());
    }

    private static void checkVersion(Application a, ApplicationForm form) {
        if (form.version() == null || form.version() != a.getVersion()) {
            throw new ConcurrentEditException("Application", a.getId());
        }
    }

    private static void requireApplicant(PortalUser user) {
        if (!user.hasRole(Role.APPLICANT)) {
            throw new org.springframework.security.access.AccessDeniedException("Not an applicant");
        }
    }
}
