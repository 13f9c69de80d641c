package se.kompetensportal.projects.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationContactRepository extends JpaRepository<OrganisationContact, Long> {

    List<OrganisationContact> findByOrganisationIdOrderByName(long organisationId);

    Optional<OrganisationContact> findByIdAndOrganisationId(long id, long organisationId);
}
