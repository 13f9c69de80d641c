package se.kompetensportal.dialogfund.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByApplicationIdOrderById(long applicationId);

    Optional<Attachment> findByIdAndApplicationId(long id, long applicationId);

    long countByApplicationIdAndPurpose(long applicationId, AttachmentPurpose purpose);
}
