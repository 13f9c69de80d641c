package se.kompetensportal.projects;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.domain.Organisation;
import se.kompetensportal.projects.domain.OrganisationRepository;
import se.kompetensportal.projects.domain.TargetGroup;
import se.kompetensportal.projects.domain.TargetGroupRepository;

/**
 * Batch look-ups for other modules' lists (one query per call, whatever the number of ids), so that they never join
 * the organisation or target group tables themselves. Unscoped, like {@link ProjectsApi}.
 */
@Service
@Transactional(readOnly = true)
public class ProjectLookup {

    private final OrganisationRepository organisations;
    private final TargetGroupRepository targetGroups;

    ProjectLookup(OrganisationRepository organisations, TargetGroupRepository targetGroups) {
        this.organisations = organisations;
        this.targetGroups = targetGroups;
    }

    /** The names of these organisations, by id; ids of no organisation are left out. */
    public Map<Long, String> organisationNames(Collection<Long> organisationIds) {
        return organisationIds.isEmpty() ? Map.of()
                : organisations.findAllById(organisationIds).stream()
                        .collect(Collectors.toMap(Organisation::getId, Organisation::getName));
    }

    /** These target groups, by id; ids of no target group are left out. */
    public Map<Long, TargetGroupInfo> targetGroups(Collection<Long> targetGroupIds) {
        return targetGroupIds.isEmpty() ? Map.of()
                : targetGroups.findAllById(targetGroupIds).stream().map(TargetGroup::info)
                        .collect(Collectors.toMap(TargetGroupInfo::id, Function.identity()));
    }
}
