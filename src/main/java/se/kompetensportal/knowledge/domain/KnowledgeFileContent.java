package se.kompetensportal.knowledge.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a knowledge attachment. */
@Entity
@Table(name = "knowledge_attachment_content")
public class KnowledgeFileContent {

    @Id
    private Long attachmentId;
    private byte[] content;

    protected KnowledgeFileContent() {
    }

    public KnowledgeFileContent(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public Long getAttachmentId() { return attachmentId; }
    public byte[] getContent() { return content; }
}
