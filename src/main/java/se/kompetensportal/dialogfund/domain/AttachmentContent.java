package se.kompetensportal.dialogfund.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an {@link Attachment}, kept apart so that lists of attachments never load them. */
@Entity
@Table(name = "dialog_attachment_content")
public class AttachmentContent {

    @Id
    private Long attachmentId;

    private byte[] content;

    protected AttachmentContent() {
    }

    public AttachmentContent(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public Long getAttachmentId() { return attachmentId; }
    public byte[] getContent() { return content; }
}
