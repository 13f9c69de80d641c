package se.kompetensportal.projects.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProjectUnitCostRepository extends JpaRepository<ProjectUnitCost, ProjectUnitCost.Key> {

    List<ProjectUnitCost> findByIdProjectIdOrderByIdYear(long projectId);
}
