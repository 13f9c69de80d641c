package se.kompetensportal.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.indicators.domain.CollaborationProject;
import se.kompetensportal.indicators.domain.CollaborationProjectRepository;
import se.kompetensportal.indicators.domain.CollaborationStatus;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;

/**
 * The collaboration projects register as other modules may read it (the knowledge bank publishes developed and carried
 * out ones as good examples). Unscoped: callers check who may see the project's register.
 */
@Service
@Transactional(readOnly = true)
public class CollaborationProjects {

    /** A collaboration project that got past the idea: developed or carried out, with its partners' names. */
    public record Collaboration(long id, long projectId, String title, String description, boolean carriedOut,
            LocalDate developedOn, LocalDate carriedOutOn, List<String> partners) {
    }

    private final CollaborationProjectRepository collaborations;
    private final ProjectsApi projects;

    CollaborationProjects(CollaborationProjectRepository collaborations, ProjectsApi projects) {
        this.collaborations = collaborations;
        this.projects = projects;
    }

    /** The project's developed and carried-out collaboration projects, by title. */
    public List<Collaboration> developed(long projectId) {
        Map<Long, OrganisationInfo> orgs = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, Function.identity()));
        return collaborations.findByProjectIdOrderByStatusDescTitleAsc(projectId).stream()
                .filter(c -> c.getStatus() != CollaborationStatus.IDEA)
                .map(c -> view(c, orgs)).toList();
    }

    public Optional<Collaboration> developed(long projectId, long collaborationId) {
        return developed(projectId).stream().filter(c -> c.id() == collaborationId).findFirst();
    }

    private static Collaboration view(CollaborationProject c, Map<Long, OrganisationInfo> orgs) {
        return new Collaboration(c.getId(), c.getProjectId(), c.getTitle(), c.getDescription(),
                c.getStatus() == CollaborationStatus.CARRIED_OUT, c.getDevelopedOn(), c.getCarriedOutOn(),
                c.getPartnerIds().stream().map(orgs::get).filter(Objects::nonNull).map(OrganisationInfo::name).sorted()
                        .toList());
    }
}
