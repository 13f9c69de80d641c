package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;

/** Builds {@link FundSummary} views for any number of funds with three queries, whatever their number. */
@Component
class FundSummaries {

    private final FundPeriodRepository periods;
    private final FundCriterionRepository criteria;
    private final ProjectsApi projects;

    FundSummaries(FundPeriodRepository periods, FundCriterionRepository criteria, ProjectsApi projects) {
        this.periods = periods;
        this.criteria = criteria;
        this.projects = projects;
    }

    FundSummary of(Fund fund, LocalDate today) {
        return of(List.of(fund), today).getFirst();
    }

    List<FundSummary> of(List<Fund> funds, LocalDate today) {
        if (funds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = funds.stream().map(Fund::getId).toList();
        Map<Long, List<FundPeriod>> periodsByFund = periods.findByFundIdInOrderByOpensOn(ids).stream()
                .collect(Collectors.groupingBy(FundPeriod::getFundId));
        Map<Long, List<FundCriterion>> criteriaByFund = criteria.findByFundIdInOrderByPositionAscIdAsc(ids).stream()
                .collect(Collectors.groupingBy(FundCriterion::getFundId));
        Map<Long, ProjectInfo> projectsById = projectsOf(funds.stream().map(Fund::getProjectId).distinct().toList());
        return funds.stream().map(f -> {
            List<FundPeriod> ps = periodsByFund.getOrDefault(f.getId(), List.of());
            FundPeriod open = ps.stream().filter(p -> p.isOpenOn(today)).findFirst().orElse(null);
            FundPeriod next = ps.stream().filter(p -> p.getOpensOn().isAfter(today)).findFirst().orElse(null);
            ProjectInfo project = projectsById.get(f.getProjectId());
            return new FundSummary(f.getId(), f.getProjectId(), project == null ? "" : project.name(),
                    project == null ? "" : project.shortName(), f.getYear(), f.getTotalAmount(),
                    f.getMaxPerApplication(), f.getDescription(), f.municipalityList(),
                    criteriaByFund.getOrDefault(f.getId(), List.of()).stream()
                            .map(c -> new FundSummary.CriterionView(c.getId(), c.getName(), c.getDescription()))
                            .toList(),
                    period(open), period(next));
        }).toList();
    }

    Map<Long, ProjectInfo> projectsOf(Collection<Long> projectIds) {
        return projects.projects(projectIds).stream().collect(Collectors.toMap(ProjectInfo::id, Function.identity()));
    }

    private static FundSummary.PeriodView period(FundPeriod p) {
        return p == null ? null : new FundSummary.PeriodView(p.getId(), p.getOpensOn(), p.getClosesOn());
    }
}
