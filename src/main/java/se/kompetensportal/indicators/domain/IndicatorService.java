package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/** The secretary's editing of a project's indicator definitions and of the values of manual indicators. */
@Service
@Transactional
public class IndicatorService {

    /** One row of the secretary's list of definitions. */
    public record DefinitionRow(long id, String name, String subGoal, IndicatorKind kind, Comparison comparison,
            BigDecimal target, BigDecimal targetMax, IndicatorPeriod period, boolean published) {
    }

    /** A manual value as the secretary enters it. */
    public record ManualValueForm(
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin("0")
            @jakarta.validation.constraints.Digits(integer = 12, fraction = 2) BigDecimal value,
            @jakarta.validation.constraints.NotNull LocalDate measuredOn,
            @jakarta.validation.constraints.Size(max = 1000) String note) {
    }

    private final IndicatorRepository indicators;
    private final ManualValues manualValues;
    private final ProjectsApi projects;
    private final DashboardCache cache;

    IndicatorService(IndicatorRepository indicators, ManualValues manualValues, ProjectsApi projects,
            DashboardCache cache) {
        this.cache = cache;
        this.indicators = indicators;
        this.manualValues = manualValues;
        this.projects = projects;
    }

    /** The projects the user may manage, for the choice of project. */
    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects(PortalUser user) {
        return projects.projects().stream().filter(p -> user.canManageProject(p.id())).toList();
    }

    @Transactional(readOnly = true)
    public ProjectInfo project(PortalUser user, long projectId) {
        user.requireManage(projectId);
        return projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    @Transactional(readOnly = true)
    public List<DefinitionRow> definitions(PortalUser user, long projectId, Locale locale) {
        user.requireManage(projectId);
        return indicators.findByProjectIdOrderByPositionAscIdAsc(projectId).stream()
                .map(i -> new DefinitionRow(i.getId(), i.name(locale), i.getSubGoal(), i.getKind(), i.getComparison(),
                        i.getTarget(), i.getTargetMax(), i.getPeriod(), i.isPublished()))
                .toList();
    }

    /** The indicator, once the user is known to manage its project. */
    @Transactional(readOnly = true)
    public Indicator indicator(PortalUser user, long indicatorId) {
        Indicator i = indicators.findById(indicatorId).orElseThrow(() -> new NotFoundException("Indicator", indicatorId));
        user.requireManage(i.getProjectId());
        return i;
    }

    /** The project's tracks, for the indicators that may be narrowed to one. */
    @Transactional(readOnly = true)
    public List<se.kompetensportal.projects.TrackInfo> tracks(PortalUser user, long projectId) {
        user.requireFollow(projectId);
        return projects.tracks(projectId);
    }

    public long create(PortalUser user, long projectId, IndicatorForm form) {
        user.requireManage(projectId);
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        check(form);
        checkTrack(projectId, form);
        Indicator i = new Indicator(projectId, indicators.maxPosition(projectId) + 1);
        i.apply(form);
        long id = indicators.save(i).getId();
        changedAfterCommit(projectId);
        return id;
    }

    public void update(PortalUser user, long indicatorId, IndicatorForm form) {
        Indicator i = indicator(user, indicatorId);
        if (i.getVersion() != form.version()) {
            throw new ConcurrentEditException("Indicator", indicatorId);
        }
        check(form);
        checkTrack(i.getProjectId(), form);
        i.apply(form);
        indicators.flush();
        changedAfterCommit(i.getProjectId());
    }

    public long delete(PortalUser user, long indicatorId) {
        Indicator i = indicator(user, indicatorId);
        indicators.delete(i);
        changedAfterCommit(i.getProjectId());
        return i.getProjectId();
    }

    /**
     * Shows the indicator's result on the public project page, or stops showing it. Hours and money are never
     * published; the page shows aggregates only, and hides a count of persons (or a share of a group) under five.
     */
    public long publish(PortalUser user, long indicatorId, boolean published) {
        Indicator i = indicator(user, indicatorId);
        if (published && !i.getKind().publishable()) {
            throw new BusinessRuleException("indicator.publish.notPublishable");
        }
        i.setPublished(published);
        return i.getProjectId();
    }

    public void addValue(PortalUser user, long indicatorId, ManualValueForm form) {
        Indicator i = indicator(user, indicatorId);
        if (i.getKind() != IndicatorKind.MANUAL) {
            throw new FieldRejectedException("value", "indicator.value.notManual");
        }
        manualValues.add(indicatorId, form.value(), form.measuredOn(),
                form.note() == null || form.note().isBlank() ? null : form.note().strip(), user.id());
        changedAfterCommit(i.getProjectId());
    }

    public void deleteValue(PortalUser user, long indicatorId, long valueId) {
        changedAfterCommit(indicator(user, indicatorId).getProjectId());
        manualValues.delete(indicatorId, valueId);
    }

    @Transactional(readOnly = true)
    public List<ManualValues.ManualValue> values(PortalUser user, long indicatorId) {
        indicator(user, indicatorId);
        return manualValues.of(indicatorId);
    }

    /** Forgets the project's remembered dashboards once this transaction has committed. */
    private void changedAfterCommit(long projectId) {
        DashboardCache.afterCommit(cache, projectId);
    }

    /** A track chosen for a kind that takes one must be the project's. */
    private void checkTrack(long projectId, IndicatorForm f) {
        if (f.kind().takesTrack() && f.trackId() != null
                && projects.tracks(projectId).stream().noneMatch(t -> t.id() == f.trackId())) {
            throw new FieldRejectedException("trackId", "indicator.track.notInProject");
        }
    }

    /** The rules between fields: shares are compared as shares, sums as sums; each kind gets the parameter it needs. */
    static void check(IndicatorForm f) {
        boolean shareComparison = f.comparison() != Comparison.AT_LEAST;
        if (f.kind() != IndicatorKind.MANUAL && f.kind().isShare() != shareComparison) {
            throw new FieldRejectedException("comparison",
                    f.kind().isShare() ? "indicator.comparison.needsShare" : "indicator.comparison.needsCount");
        }
        if (shareComparison && f.target().compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new FieldRejectedException("target", "indicator.target.percent");
        }
        if (f.comparison() == Comparison.SHARE_BETWEEN
                && (f.targetMax() == null || f.targetMax().compareTo(f.target()) < 0)) {
            throw new FieldRejectedException("targetMax", "indicator.targetMax.required");
        }
        if (f.kind().needsActivityKind() && f.activityKind() == null) {
            throw new FieldRejectedException("activityKind", "indicator.activityKind.required");
        }
        if (f.kind().needsStatementKey() && (f.statementKey() == null || f.statementKey().isBlank())) {
            throw new FieldRejectedException("statementKey", "indicator.statementKey.required");
        }
        if (f.kind().needsGender() && (f.gender() == null || f.gender().isBlank())) {
            throw new FieldRejectedException("gender", "indicator.gender.required");
        }
    }
}
