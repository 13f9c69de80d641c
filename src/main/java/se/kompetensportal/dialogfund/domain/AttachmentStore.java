package se.kompetensportal.dialogfund.domain;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import se.kompetensportal.shared.files.FileKind;
import se.kompetensportal.shared.files.FileKinds;
import se.kompetensportal.shared.files.FileNames;
import se.kompetensportal.shared.web.FieldRejectedException;

/**
 * Checks and stores uploaded files. A file must be at most {@value #MAX_MEGABYTES} MB and, by its content, a PDF, a
 * Word document, a PNG or a JPEG picture (report photos: pictures only); its name is made safe and given the extension
 * of what it really is. Each application holds at most {@value #MAX_FILES} files of each purpose.
 */
@Component
public class AttachmentStore {

    static final int MAX_MEGABYTES = 10;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
    static final int MAX_FILES = 10;

    private final AttachmentRepository attachments;
    private final EntityManager entityManager;

    AttachmentStore(AttachmentRepository attachments, EntityManager entityManager) {
        this.attachments = attachments;
        this.entityManager = entityManager;
    }

    long store(long applicationId, AttachmentPurpose purpose, MultipartFile file, String fallbackName) {
        if (file == null || file.isEmpty()) {
            throw new FieldRejectedException("file", "dialogfund.upload.empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new FieldRejectedException("file", "dialogfund.upload.tooLarge", MAX_MEGABYTES);
        }
        try {
            return store(applicationId, purpose, file.getOriginalFilename(), file.getBytes(), fallbackName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks and stores a file's content under (a safe form of) its original name; returns the attachment's id. */
    public long store(long applicationId, AttachmentPurpose purpose, String originalName, byte[] content,
            String fallbackName) {
        if (content == null || content.length == 0) {
            throw new FieldRejectedException("file", "dialogfund.upload.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new FieldRejectedException("file", "dialogfund.upload.tooLarge", MAX_MEGABYTES);
        }
        FileKind kind = FileKinds.detect(content)
                .orElseThrow(() -> new FieldRejectedException("file", "dialogfund.upload.wrongType"));
        if (purpose == AttachmentPurpose.REPORT && !kind.isImage()) {
            throw new FieldRejectedException("file", "dialogfund.upload.imagesOnly");
        }
        if (attachments.countByApplicationIdAndPurpose(applicationId, purpose) >= MAX_FILES) {
            throw new FieldRejectedException("file", "dialogfund.upload.tooMany", MAX_FILES);
        }
        String name = FileNames.sanitise(originalName, kind, fallbackName);
        Attachment attachment = attachments.save(new Attachment(applicationId, purpose, name, kind.contentType(),
                content.length));
        entityManager.persist(new AttachmentContent(attachment.getId(), content));
        return attachment.getId();
    }
}
