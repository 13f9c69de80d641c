package se.kompetensportal.notifications.domain;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    boolean existsByDedupKey(String dedupKey);

    @Query("select m.dedupKey from OutboxMessage m where m.dedupKey in :keys")
    List<String> existingDedupKeys(Collection<String> keys);

    @Query("""
            select m from OutboxMessage m
            where (:status is null or m.status = :status) and lower(m.recipient) like lower(concat('%', :recipient, '%'))
            order by m.id desc""")
    Page<OutboxMessage> searchAll(OutboxStatus status, String recipient, Pageable pageable);

    @Query("""
            select m from OutboxMessage m
            where m.projectId in :projectIds and (:status is null or m.status = :status)
              and lower(m.recipient) like lower(concat('%', :recipient, '%'))
            order by m.id desc""")
    Page<OutboxMessage> searchInProjects(Collection<Long> projectIds, OutboxStatus status, String recipient,
            Pageable pageable);

    List<OutboxMessage> findByRecipientOrderByIdDesc(String recipient);

    /** Mails per status whose dedup key is like the pattern (a prefix and {@code %}, read through a prefix index). */
    @Query(value = """
            select status, count(*) from outbox_message where dedup_key like :pattern group by status""",
            nativeQuery = true)
    List<Object[]> countByStatusWithDedupKeyLike(String pattern);
}
