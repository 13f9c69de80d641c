package se.kompetensportal.projects.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetGroupRepository extends JpaRepository<TargetGroup, Long> {

    List<TargetGroup> findByProjectIdOrderByCode(long projectId);

    List<TargetGroup> findByProjectIdInOrderByProjectIdAscCodeAsc(Collection<Long> projectIds);

    Optional<TargetGroup> findByIdAndProjectId(long id, long projectId);

    boolean existsByProjectIdAndCode(long projectId, String code);

    boolean existsByProjectIdAndCodeAndIdNot(long projectId, String code, long id);
}
