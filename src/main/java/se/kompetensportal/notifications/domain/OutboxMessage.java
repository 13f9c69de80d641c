package se.kompetensportal.notifications.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A rendered mail waiting to be sent, or the record of one sent. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 50)
    private Long id;

    private Instant createdAt = Instant.now();
    private Long projectId;
    private String category;
    private boolean sensitive;
    private String recipient;
    private String subject;
    private String bodyText;
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status = OutboxStatus.PENDING;

    private int attempts;
    private Instant nextAttemptAt = Instant.now();
    private Instant sentAt;
    private String lastError;
    private String dedupKey;
    /** Extra header fields, one {@code Name: value} a line, or {@code null}. */
    private String headers;

    protected OutboxMessage() {
    }

    OutboxMessage(Long projectId, String category, boolean sensitive, String recipient, String subject,
            String bodyText, String bodyHtml, String dedupKey) {
        this.projectId = projectId;
        this.category = category;
        this.sensitive = sensitive;
        this.recipient = recipient;
        this.subject = subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.dedupKey = dedupKey;
    }

    /** Keeps extra header fields to write into the sent message (see {@link #extraHeaders()}). */
    void setExtraHeaders(Map<String, String> fields) {
        headers = fields.isEmpty() ? null : fields.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

    /** The extra header fields, in the order they were given. */
    public Map<String, String> extraHeaders() {
        return parseHeaders(headers);
    }

    /** The header fields stored in the {@code headers} column ("Name: value" lines), in their order. */
    static Map<String, String> parseHeaders(String headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (headers != null) {
            for (String line : headers.split("\n")) {
                int colon = line.indexOf(':');
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        return fields;
    }

    /** Puts a failed mail back in the queue (the secretary's "send again"). */
    void retry(Instant now) {
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public Long getId() { return id; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getProjectId() { return projectId; }
    public String getCategory() { return category; }
    public boolean isSensitive() { return sensitive; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public OutboxStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
    public String getDedupKey() { return dedupKey; }
}
