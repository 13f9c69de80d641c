package se.kompetensportal.indicators.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface IndicatorRepository extends JpaRepository<Indicator, Long> {

    List<Indicator> findByProjectIdOrderByPositionAscIdAsc(long projectId);

    @Query("select coalesce(max(i.position), 0) from Indicator i where i.projectId = :projectId")
    int maxPosition(long projectId);

    boolean existsByProjectId(long projectId);
}
