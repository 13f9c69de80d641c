package se.kompetensportal.projects.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProjectRepository extends JpaRepository<Project, Long> {

    String LIST_ITEM = """
            select new se.kompetensportal.projects.domain.ProjectListItem(p.id, p.name, p.shortName, p.funderReference,
                p.ownerOrganisation, p.startDate, p.endDate,
                (select count(t) from Track t where t.projectId = p.id),
                (select count(a) from ProjectActor a where a.id.projectId = p.id))
            from Project p""";

    @Query(LIST_ITEM + " order by p.startDate desc, p.name")
    List<ProjectListItem> listAll();

    @Query(LIST_ITEM + " where p.id in :ids order by p.startDate desc, p.name")
    List<ProjectListItem> listByIds(Collection<Long> ids);

    List<Project> findAllByOrderByStartDateDescNameAsc();

    Optional<Project> findByFunderReference(String funderReference);

    boolean existsByFunderReferenceAndIdNot(String funderReference, long id);

    boolean existsByFunderReference(String funderReference);

    Optional<Project> findBySlug(String slug);

    boolean existsBySlug(String slug);

    boolean existsBySlugAndIdNot(String slug, long id);
}
