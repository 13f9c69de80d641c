package se.kompetensportal.projects.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TrackRepository extends JpaRepository<Track, Long> {

    List<Track> findByProjectIdOrderByPosition(long projectId);

    List<Track> findByProjectIdInOrderByProjectIdAscPositionAsc(Collection<Long> projectIds);

    Optional<Track> findByIdAndProjectId(long id, long projectId);

    @Query("select coalesce(max(t.position), 0) from Track t where t.projectId = :projectId")
    int maxPosition(long projectId);

    boolean existsByProjectIdAndNameIgnoreCase(long projectId, String name);

    boolean existsByProjectIdAndNameIgnoreCaseAndIdNot(long projectId, String name, long id);
}
