package se.kompetensportal.dialogfund.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A file attached to an application: its safe name, the content type found by checking its content, and its size.
 * The bytes are in {@link AttachmentContent}, loaded only when the file is downloaded.
 */
@Entity
@Table(name = "dialog_attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dialog_attachment_seq")
    @SequenceGenerator(name = "dialog_attachment_seq", sequenceName = "dialog_attachment_seq", allocationSize = 50)
    private Long id;

    private long applicationId;

    @Enumerated(EnumType.STRING)
    private AttachmentPurpose purpose;

    private String filename;
    private String contentType;
    private int sizeBytes;
    private Instant uploadedAt = Instant.now();

    protected Attachment() {
    }

    public Attachment(long applicationId, AttachmentPurpose purpose, String filename, String contentType,
            int sizeBytes) {
        this.applicationId = applicationId;
        this.purpose = purpose;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
    }

    public Long getId() { return id; }
    public long getApplicationId() { return applicationId; }
    public AttachmentPurpose getPurpose() { return purpose; }
    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }
    public int getSizeBytes() { return sizeBytes; }
    public Instant getUploadedAt() { return uploadedAt; }
}
