package se.kompetensportal.newsletter.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface IssueRepository extends JpaRepository<Issue, Long> {

    List<Issue> findByProjectIdOrderByNumberDesc(long projectId);

    List<Issue> findByProjectIdAndStatusOrderByNumberDesc(long projectId, IssueStatus status);

    Optional<Issue> findByProjectIdAndNumberAndStatus(long projectId, int number, IssueStatus status);

    @Query("select coalesce(max(i.number), 0) from Issue i where i.projectId = :projectId")
    int maxNumber(long projectId);

    @Query("select i.id from Issue i where i.status = se.kompetensportal.newsletter.domain.IssueStatus.SENDING order by i.id")
    List<Long> sendingIds();

    /** The issue, its row locked until the transaction ends (one batch of it at a time, whatever the instance). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Issue i where i.id = :id")
    Optional<Issue> lockById(long id);

    @Query("""
            select count(i) from Issue i where i.projectId = :projectId
              and i.status = se.kompetensportal.newsletter.domain.IssueStatus.SENT
              and i.sentAt >= :from and i.sentAt < :to""")
    long countSent(long projectId, Instant from, Instant to);

    /** Per project, the time its latest issue was sent (for the reminder). */
    @Query("""
            select i.projectId, max(i.sentAt), max(i.id) from Issue i
            where i.status = se.kompetensportal.newsletter.domain.IssueStatus.SENT group by i.projectId""")
    List<Object[]> lastSentPerProject();

    boolean existsByProjectIdAndStatus(long projectId, IssueStatus status);
}
