package se.kompetensportal.projects;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private final NamedParameterJdbcTemplate jdbc;

    ProjectLookup(OrganisationRepository organisations, TargetGroupRepository targetGroups,
            NamedParameterJdbcTemplate jdbc) {
        this.organisations = organisations;
        this.targetGroups = targetGroups;
        this.jdbc = jdbc;
    }

    /**
     * The ids of the organisations whose lower-cased name is SQL-{@code like} the pattern (the caller lower-cases it
     * and adds the wildcards), so a search over another module's rows can match on the employer's name.
     */
    public List<Long> organisationIdsNamedLike(String lowerCasePattern) {
        return jdbc.queryForList("select id from organisation where lower(name) like :pattern",
                new MapSqlParameterSource("pattern", lowerCasePattern), Long.class);
    }

    /**
     * The short names of these projects, by id, in the database's order of the short names (its collation), so a
     * caller can sort its own rows by project name exactly as {@code order by short_name} would.
     */
    public Map<Long, String> shortNamesInOrder(Collection<Long> projectIds) {
        Map<Long, String> names = new LinkedHashMap<>();
        if (!projectIds.isEmpty()) {
            jdbc.query("select id, short_name from project where id in (:ids) order by short_name, id",
                    new MapSqlParameterSource("ids", projectIds), rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
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
