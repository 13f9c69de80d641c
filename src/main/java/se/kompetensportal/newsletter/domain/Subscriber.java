package se.kompetensportal.newsletter.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A subscription to one project's newsletter. The consent is the moment the address was confirmed ({@code consentAt});
 * the unsubscribe token goes in every issue's link and header. Once unsubscribed and past the retention time, the
 * address and tokens are erased and only the dates remain.
 */
@Entity
@Table(name = "newsletter_subscriber")
public class Subscriber {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "newsletter_subscriber_seq")
    @SequenceGenerator(name = "newsletter_subscriber_seq", sequenceName = "newsletter_subscriber_seq", allocationSize = 50)
    private Long id;

    private long projectId;
    private String email;
    private String locale = "sv";
    @Enumerated(EnumType.STRING)
    private SubscriberStatus status;
    @Enumerated(EnumType.STRING)
    private SubscriberSource source;
    private Long userId;
    private String confirmTokenHash;
    private Instant confirmExpiresAt;
    private String unsubscribeToken;
    private Instant requestedAt;
    private Instant consentAt;
    private Instant unsubscribedAt;
    private Instant erasedAt;

    @Version
    private long version;

    protected Subscriber() {
    }

    public Subscriber(long projectId, String email, String locale, SubscriberSource source, Long userId, Instant now) {
        this.projectId = projectId;
        this.email = email;
        this.locale = locale;
        this.source = source;
        this.userId = userId;
        this.status = SubscriberStatus.PENDING;
        this.requestedAt = now;
        this.unsubscribeToken = Tokens.newToken();
    }

    /** A subscription confirmed at the given time (demo data and tests; real ones go through a confirmation). */
    public static Subscriber confirmed(long projectId, String email, Instant at) {
        Subscriber s = new Subscriber(projectId, email, "sv", SubscriberSource.WEB, null, at);
        s.confirm(at);
        return s;
    }

    /** Asks for (a new) confirmation; returns the token to mail, of which only the hash is kept. */
    String requestConfirmation(Instant now, java.time.Duration validFor) {
        String token = Tokens.newToken();
        confirmTokenHash = Tokens.hash(token);
        confirmExpiresAt = now.plus(validFor);
        requestedAt = now;
        if (status == SubscriberStatus.UNSUBSCRIBED) {
            status = SubscriberStatus.PENDING;
            unsubscribedAt = null;
        }
        return token;
    }

    /** Confirms the address: the consent is given now. The token cannot be used again. */
    void confirm(Instant now) {
        status = SubscriberStatus.CONFIRMED;
        consentAt = now;
        unsubscribedAt = null;
        confirmTokenHash = null;
        confirmExpiresAt = null;
        if (unsubscribeToken == null) {
            unsubscribeToken = Tokens.newToken();
        }
    }

    void unsubscribe(Instant now) {
        status = SubscriberStatus.UNSUBSCRIBED;
        unsubscribedAt = now;
        confirmTokenHash = null;
        confirmExpiresAt = null;
    }

    public Long getId() { return id; }
    public long getProjectId() { return projectId; }
    public String getEmail() { return email; }
    public String getLocale() { return locale; }
    public SubscriberStatus getStatus() { return status; }
    public SubscriberSource getSource() { return source; }
    public Long getUserId() { return userId; }
    public Instant getConfirmExpiresAt() { return confirmExpiresAt; }
    public String getUnsubscribeToken() { return unsubscribeToken; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getConsentAt() { return consentAt; }
    public Instant getUnsubscribedAt() { return unsubscribedAt; }
    public Instant getErasedAt() { return erasedAt; }
    void setLocale(String locale) { this.locale = locale; }
    void setUserId(Long userId) { this.userId = userId; }
}
