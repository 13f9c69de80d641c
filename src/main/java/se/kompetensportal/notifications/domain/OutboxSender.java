package se.kompetensportal.notifications.domain;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.MimeMessage;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mails over SMTP. Each run takes the job lock (ShedLock) and then locks the rows it sends with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never send the same mail; a mail is marked sent in the transaction
 * that sent it. Failures are retried with exponential back-off. Without an SMTP server ({@code spring.mail.host}) the
 * job does nothing and the outbox page is the mailbox.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository messages;
    private final OutboxAttachmentRepository attachments;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final TransactionTemplate transactions;
    private final MailProperties properties;
    private final Clock clock;
    private final AtomicBoolean toldNoSmtp = new AtomicBoolean();

    OutboxSender(OutboxRepository messages, OutboxAttachmentRepository attachments,
            ObjectProvider<JavaMailSender> mailSender, TransactionTemplate transactions, MailProperties properties,
            Clock clock) {
        this.messages = messages;
        this.attachments = attachments;
        this.mailSender = mailSender;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean smtpConfigured() {
        return mailSender.getIfAvailable() != null;
    }

    @Scheduled(fixedDelayString = "${kp.mail.send-interval:PT10S}", initialDelayString = "PT5S")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT10M")
    public void scheduledRun() {
        sendDue();
    }

    /** Sends what is due, batch by batch; returns how many mails were sent. */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            if (toldNoSmtp.compareAndSet(false, true)) {
                log.info("No SMTP server configured (spring.mail.host): mails stay in the outbox");
            }
            return 0;
        }
        int sent = 0;
        while (true) {
            Integer batch = transactions.execute(status -> sendBatch(sender));
            if (batch == null || batch == 0) {
                return sent;
            }
            sent += batch;
        }
    }

    private int sendBatch(JavaMailSender sender) {
        List<Long> due = messages.lockDue(properties.batchSize());
        int sent = 0;
        for (Long id : due) {
            OutboxMessage message = messages.findById(id).orElseThrow();
            try {
                sender.send(toMime(sender, message));
                message.markSent(clock.instant());
                sent++;
            } catch (Exception e) {
                log.warn("Sending mail {} to {} failed (attempt {}): {}", id, message.getRecipient(),
                        message.getAttempts() + 1, e.getMessage());
                message.markFailed(e.getMessage(), clock.instant(), properties.maxAttempts());
            }
        }
        // A batch in which nothing could be sent ends the run, so a dead server does not keep the loop busy;
        // failed mails wait for their back-off anyway.
        return sent;
    }

    private MimeMessage toMime(JavaMailSender sender, OutboxMessage message) throws Exception {
        MimeMessage mime = sender.createMimeMessage();
        List<OutboxAttachment> files = attachments.findByMessageIdOrderById(message.getId());
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.getRecipient());
        helper.setSubject(message.getSubject());
        if (message.getBodyHtml() != null) {
            helper.setText(message.getBodyText(), message.getBodyHtml());
        } else {
            helper.setText(message.getBodyText(), false);
        }
        for (OutboxAttachment file : files) {
            helper.addAttachment(file.getFilename(), new ByteArrayResource(file.getContent()), file.getContentType());
        }
        mime.setHeader("Auto-Submitted", "auto-generated");
        for (Map.Entry<String, String> header : message.extraHeaders().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        return mime;
    }
}
