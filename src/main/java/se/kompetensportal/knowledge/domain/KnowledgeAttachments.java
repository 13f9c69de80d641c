package se.kompetensportal.knowledge.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The files of a knowledge item: checked on upload (type, size, at most {@link KnowledgeFiles#MAX_FILES}), each with
 * the text summary that makes it accessible. Only for those who manage the item's project.
 */
@Service
@Transactional
public class KnowledgeAttachments {

    /** A file as the editor lists it. */
    public record FileRow(long id, String filename, String summary) {
    }

    private final KnowledgeService knowledge;
    private final KnowledgeAttachmentRepository attachments;
    private final KnowledgeFileContentRepository contents;
    private final Clock clock;

    KnowledgeAttachments(KnowledgeService knowledge, KnowledgeAttachmentRepository attachments,
            KnowledgeFileContentRepository contents, Clock clock) {
        this.knowledge = knowledge;
        this.attachments = attachments;
        this.contents = contents;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<FileRow> attachments(PortalUser user, long itemId) {
        knowledge.item(user, itemId);
        return attachments.findByItemIdOrderById(itemId).stream()
                .map(a -> new FileRow(a.getId(), a.getFilename(), a.getSummary())).toList();
    }

    /** Stores a checked file with its summary; returns the attachment's id. */
    public long addAttachment(PortalUser user, long itemId, String originalName, byte[] content, String summary) {
        KnowledgeItem item = knowledge.item(user, itemId);
        if (summary == null || summary.isBlank()) {
            throw new FieldRejectedException("summary", "knowledge.attachment.summary.required");
        }
        if (summary.length() > 2000) {
            throw new FieldRejectedException("summary", "knowledge.attachment.summary.tooLong");
        }
        if (attachments.countByItemId(itemId) >= KnowledgeFiles.MAX_FILES) {
            throw new FieldRejectedException("file", "knowledge.attachment.tooMany", KnowledgeFiles.MAX_FILES);
        }
        KnowledgeFiles.Checked file = KnowledgeFiles.check(originalName, content, item.getTitle());
        KnowledgeAttachment attachment = attachments.save(new KnowledgeAttachment(itemId, file.name(),
                file.kind().contentType(), content.length, summary.strip()));
        contents.save(new KnowledgeFileContent(attachment.getId(), content));
        item.touch(clock.instant());
        return attachment.getId();
    }

    public void deleteAttachment(PortalUser user, long itemId, long attachmentId) {
        knowledge.item(user, itemId);
        attachments.findByIdAndItemId(attachmentId, itemId).ifPresent(attachments::delete);
    }

    @Transactional(readOnly = true)
    public KnowledgeFiles.Download download(PortalUser user, long itemId, long attachmentId) {
        knowledge.item(user, itemId);
        KnowledgeAttachment a = attachments.findByIdAndItemId(attachmentId, itemId)
                .orElseThrow(() -> new NotFoundException("KnowledgeAttachment", attachmentId));
        return new KnowledgeFiles.Download(a.getFilename(), a.getContentType(),
                contents.findById(a.getId()).orElseThrow().getContent());
    }
}
