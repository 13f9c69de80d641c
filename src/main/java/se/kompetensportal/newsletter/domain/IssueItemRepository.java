package se.kompetensportal.newsletter.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface IssueItemRepository extends JpaRepository<IssueItem, Long> {

    List<IssueItem> findByIssueIdOrderByKindAscPositionAsc(long issueId);

    @Query("select coalesce(max(i.position), 0) from IssueItem i where i.issueId = :issueId and i.kind = :kind")
    int maxPosition(long issueId, ItemKind kind);

    /** Takes an activity out of every issue not yet sent (it was cancelled). */
    @Modifying
    @Query(value = """
            delete from newsletter_item t using newsletter_issue i
            where t.issue_id = i.id and i.status = 'DRAFT' and t.kind = 'ACTIVITY' and t.ref_id = :activityId""",
            nativeQuery = true)
    int removeActivityFromDrafts(long activityId);
}
