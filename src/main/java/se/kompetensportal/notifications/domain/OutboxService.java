package se.kompetensportal.notifications.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The outbox as staff read it. Administrators see every mail; a secretary the mails of their projects. The body of a
 * sensitive mail (a login link) is shown only to administrators and only while no SMTP server is configured, when the
 * outbox is the only mailbox there is.
 */
@Service
public class OutboxService {

    private final OutboxRepository messages;
    private final OutboxAttachmentRepository attachments;
    private final OutboxSender sender;
    private final Clock clock;

    OutboxService(OutboxRepository messages, OutboxAttachmentRepository attachments, OutboxSender sender, Clock clock) {
        this.messages = messages;
        this.attachments = attachments;
        this.sender = sender;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<OutboxItem> search(PortalUser user, OutboxStatus status, String recipient, Pageable pageable) {
        String text = recipient == null ? "" : recipient.strip();
        Page<OutboxMessage> page;
        if (user.isAdmin()) {
            page = messages.searchAll(status, text, pageable);
        } else if (user.projectIds().isEmpty()) {
            return Page.empty(pageable);
        } else {
            page = messages.searchInProjects(user.projectIds(), status, text, pageable);
        }
        return page.map(m -> new OutboxItem(m.getId(), m.getCreatedAt(), m.getRecipient(), m.getSubject(),
                m.getCategory(), m.getStatus(), m.getAttempts(), m.getSentAt()));
    }

    @Transactional(readOnly = true)
    public OutboxMessageView message(PortalUser user, long id) {
        OutboxMessage m = visible(user, id);
        boolean bodyVisible = !m.isSensitive() || (user.isAdmin() && !sender.smtpConfigured());
        List<String> files = attachments.findByMessageIdOrderById(id).stream().map(OutboxAttachment::getFilename).toList();
        return new OutboxMessageView(m.getId(), m.getCreatedAt(), m.getRecipient(), m.getSubject(), m.getCategory(),
                m.getStatus(), m.getAttempts(), m.getSentAt(), m.getNextAttemptAt(), m.getLastError(),
                bodyVisible ? m.getBodyText() : null, bodyVisible && m.getBodyHtml() != null, files, bodyVisible,
                sender.messageId(m.getId(), m.getCreatedAt()));
    }

    @Transactional(readOnly = true)
    public String html(PortalUser user, long id) {
        OutboxMessage m = visible(user, id);
        if (m.isSensitive() && !(user.isAdmin() && !sender.smtpConfigured())) {
            throw new AccessDeniedException("Sensitive mail " + id);
        }
        if (m.getBodyHtml() == null) {
            throw new NotFoundException("Mail HTML", id);
        }
        return m.getBodyHtml();
    }

    @Transactional
    public void retry(PortalUser user, long id) {
        OutboxMessage m = visible(user, id);
        if (m.getStatus() == OutboxStatus.FAILED) {
            m.retry(clock.instant());
        }
    }

    public boolean smtpConfigured() {
        return sender.smtpConfigured();
    }

    private OutboxMessage visible(PortalUser user, long id) {
        OutboxMessage m = messages.findById(id).orElseThrow(() -> new NotFoundException("Mail", id));
        if (!user.isAdmin() && (m.getProjectId() == null || !user.canManageProject(m.getProjectId()))) {
            throw new NotFoundException("Mail", id);
        }
        return m;
    }
}
