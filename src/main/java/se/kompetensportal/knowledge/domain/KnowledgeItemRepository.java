package se.kompetensportal.knowledge.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import se.kompetensportal.knowledge.KnowledgeKind;

public interface KnowledgeItemRepository extends JpaRepository<KnowledgeItem, Long> {

    /** One row of the staff list. */
    record StaffRow(long id, String title, KnowledgeKind kind, Long trackId, ItemStatus status, Instant updatedAt,
            Instant publishedAt, SourceKind sourceKind) {
    }

    @Query("""
            select new se.kompetensportal.knowledge.domain.KnowledgeItemRepository$StaffRow(i.id, i.title, i.kind,
                i.trackId, i.status, i.updatedAt, i.publishedAt, i.sourceKind)
            from KnowledgeItem i where i.projectId = :projectId and (:status is null or i.status = :status)
            order by i.updatedAt desc, i.id desc""")
    List<StaffRow> staffList(long projectId, ItemStatus status);

    Optional<KnowledgeItem> findByIdAndStatus(long id, ItemStatus status);

    boolean existsBySourceKindAndSourceId(SourceKind kind, long sourceId);

    @Query("select i.sourceId from KnowledgeItem i where i.projectId = :projectId and i.sourceKind = :kind")
    List<Long> sourceIds(long projectId, SourceKind kind);

    @Query("""
            select i from KnowledgeItem i where i.status = se.kompetensportal.knowledge.domain.ItemStatus.PUBLISHED
              and i.projectId in :projectIds order by i.publishedAt desc, i.id desc limit :limit""")
    List<KnowledgeItem> latestPublished(Collection<Long> projectIds, int limit);

    @Query("""
            select i from KnowledgeItem i where i.status = se.kompetensportal.knowledge.domain.ItemStatus.PUBLISHED
              and i.projectId = :projectId and i.publishedAt >= :from and i.publishedAt < :to
            order by i.trackId nulls last, i.publishedAt, i.id""")
    List<KnowledgeItem> publishedBetween(long projectId, Instant from, Instant to);

    @Query("""
            select count(i) from KnowledgeItem i where i.status = se.kompetensportal.knowledge.domain.ItemStatus.PUBLISHED
              and i.projectId = :projectId and (:trackId is null or i.trackId = :trackId)
              and i.firstPublishedAt >= :from and i.firstPublishedAt < :to""")
    long countFirstPublished(long projectId, Long trackId, Instant from, Instant to);
}
