package se.kompetensportal.notifications.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A file that goes with an outbox message. */
@Entity
@Table(name = "outbox_attachment")
public class OutboxAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_attachment_seq")
    @SequenceGenerator(name = "outbox_attachment_seq", sequenceName = "outbox_attachment_seq", allocationSize = 50)
    private Long id;

    private long messageId;
    private String filename;
    private String contentType;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    protected OutboxAttachment() {
    }

    OutboxAttachment(long messageId, String filename, String contentType, byte[] content) {
        this.messageId = messageId;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
    }

    public Long getId() { return id; }
    public long getMessageId() { return messageId; }
    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }
    public byte[] getContent() { return content; }
}
