package se.kompetensportal.actors.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActorPlanRepository extends JpaRepository<ActorPlan, ActorPlanKey> {

    List<ActorPlan> findByIdProjectId(long projectId);

    List<ActorPlan> findByIdOrganisationId(long organisationId);
}
