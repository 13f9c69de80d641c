package se.kompetensportal.actors.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ActorPlanDocumentRepository extends JpaRepository<ActorPlanDocument, ActorPlanKey> {
}
