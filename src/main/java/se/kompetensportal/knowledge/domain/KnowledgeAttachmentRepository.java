package se.kompetensportal.knowledge.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KnowledgeAttachmentRepository extends JpaRepository<KnowledgeAttachment, Long> {

    List<KnowledgeAttachment> findByItemIdOrderById(long itemId);

    Optional<KnowledgeAttachment> findByIdAndItemId(long id, long itemId);

    long countByItemId(long itemId);
}
