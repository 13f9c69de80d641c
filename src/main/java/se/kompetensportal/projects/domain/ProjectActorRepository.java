package se.kompetensportal.projects.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProjectActorRepository extends JpaRepository<ProjectActor, ProjectActor.Key> {

    @Query("""
            select new se.kompetensportal.projects.domain.ActorView(o.id, o.name, o.orgNumber, o.kind, o.municipality, a.role)
            from ProjectActor a join Organisation o on o.id = a.id.organisationId
            where a.id.projectId = :projectId order by a.role, o.name""")
    List<ActorView> actorsOf(long projectId);

    @Query("""
            select new se.kompetensportal.projects.domain.ProjectOfActorView(p.id, p.name, p.shortName, a.role)
            from ProjectActor a join Project p on p.id = a.id.projectId
            where a.id.organisationId = :organisationId order by p.startDate desc""")
    List<ProjectOfActorView> projectsOf(long organisationId);

    @Query("select a.id.organisationId from ProjectActor a where a.id.projectId = :projectId")
    List<Long> organisationIdsOf(long projectId);

    @Query("select a.id.organisationId from ProjectActor a where a.id.projectId = :projectId and a.role <> :except")
    List<Long> organisationIdsOf(long projectId, se.kompetensportal.projects.ActorRole except);
}
