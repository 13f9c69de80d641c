package se.kompetensportal.notifications.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OutboxAttachmentRepository extends JpaRepository<OutboxAttachment, Long> {

    List<OutboxAttachment> findByMessageIdOrderById(long messageId);
}
