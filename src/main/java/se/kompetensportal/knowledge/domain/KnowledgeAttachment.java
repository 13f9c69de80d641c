package se.kompetensportal.knowledge.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A file of a knowledge item (a PDF, slides, a Word document) with the text summary that makes it accessible to those
 * who cannot open it. Its bytes are kept apart ({@link KnowledgeFileContent}) so that lists never load them.
 */
@Entity
@Table(name = "knowledge_attachment")
public class KnowledgeAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "knowledge_attachment_seq")
    @SequenceGenerator(name = "knowledge_attachment_seq", sequenceName = "knowledge_attachment_seq", allocationSize = 50)
    private Long id;

    private long itemId;
    private String filename;
    private String contentType;
    private long sizeBytes;
    private String summary;
    private Instant createdAt = Instant.now();

    protected KnowledgeAttachment() {
    }

    public KnowledgeAttachment(long itemId, String filename, String contentType, long sizeBytes, String summary) {
        this.itemId = itemId;
        this.filename = filename;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.summary = summary;
    }

    public Long getId() { return id; }
    public long getItemId() { return itemId; }
    public String getFilename() { return filename; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSummary() { return summary; }
    public Instant getCreatedAt() { return createdAt; }
}
