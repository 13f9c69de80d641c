package se.kompetensportal.projects.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetGroupRepository extends JpaRepository<TargetGroup, Long> {

    List<TargetGroup> findByProjectIdOrderByCode(long projectId);

    Optional<TargetGroup> findByIdAndProjectId(long id, long projectId);

    boolean existsByProjectIdAndCode(long projectId, String code);

    boolean existsByProjectIdAndCodeAndIdNot(long projectId, String code, long id);
}
