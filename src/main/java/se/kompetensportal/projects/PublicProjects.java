package se.kompetensportal.projects;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.domain.Organisation;
import se.kompetensportal.projects.domain.OrganisationRepository;
import se.kompetensportal.projects.domain.Project;
import se.kompetensportal.projects.domain.ProjectActorRepository;
import se.kompetensportal.projects.domain.ProjectRepository;
import se.kompetensportal.projects.domain.TrackRepository;

/**
 * What the public pages may show of a project: what the funder's decision makes public (name, purpose, period, funder
 * reference, owner, EU funding), its tracks with their descriptions and its actors. No budget, no contact person, no
 * personal-data setting. Unscoped: everything here is public.
 */
@Service
@Transactional(readOnly = true)
public class PublicProjects {

    /** A project as a visitor sees it. */
    public record PublicProject(long id, String slug, String name, String shortName, String funderReference,
            String ownerOrganisation, LocalDate startDate, LocalDate endDate, String description,
            EuFunding euFunding) {
    }

    /** A thematic track with its description. */
    public record PublicTrack(long id, int position, String name, String description) {
    }

    /** An actor of the project: the organisation, its part and its website (if any). */
    public record PublicActor(long id, String name, OrganisationKind kind, String municipality, ActorRole role,
            String website) {
    }

    private final ProjectRepository projects;
    private final TrackRepository tracks;
    private final ProjectActorRepository actors;
    private final OrganisationRepository organisations;

    PublicProjects(ProjectRepository projects, TrackRepository tracks, ProjectActorRepository actors,
            OrganisationRepository organisations) {
        this.projects = projects;
        this.tracks = tracks;
        this.actors = actors;
        this.organisations = organisations;
    }

    /** Every project, the newest first. */
    public List<PublicProject> projects() {
        return projects.findAllByOrderByStartDateDescNameAsc().stream().map(PublicProjects::view).toList();
    }

    public Optional<PublicProject> bySlug(String slug) {
        return projects.findBySlug(slug).map(PublicProjects::view);
    }

    public Optional<PublicProject> byId(long projectId) {
        return projects.findById(projectId).map(PublicProjects::view);
    }

    public List<PublicTrack> tracks(long projectId) {
        return tracks.findByProjectIdOrderByPosition(projectId).stream()
                .map(t -> new PublicTrack(t.getId(), t.getPosition(), t.getName(), t.getDescription())).toList();
    }

    /** The project's actors: its owner first, then partners, then invited bodies, each by name. */
    public List<PublicActor> actors(long projectId) {
        Map<Long, Organisation> orgs = organisations.findAllById(actors.organisationIdsOf(projectId)).stream()
                .collect(Collectors.toMap(Organisation::getId, Function.identity()));
        return actors.actorsOf(projectId).stream()
                .map(a -> {
                    Organisation o = orgs.get(a.organisationId());
                    return new PublicActor(a.organisationId(), a.name(), a.kind(), a.municipality(), a.role(),
                            o == null ? null : o.getWebsite());
                })
                .sorted(Comparator.comparing(PublicActor::role)
                        .thenComparing(PublicActor::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static PublicProject view(Project p) {
        return new PublicProject(p.getId(), p.getSlug(), p.getName(), p.getShortName(), p.getFunderReference(),
                p.getOwnerOrganisation(), p.getStartDate(), p.getEndDate(), p.getDescription(), p.getEuFunding());
    }
}
