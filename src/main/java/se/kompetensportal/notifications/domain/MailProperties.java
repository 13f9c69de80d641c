package se.kompetensportal.notifications.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox sends.
 *
 * @param from         the sender address, e.g. {@code Kompetensportalen <no-reply@example.se>}
 * @param sendInterval how often the sending job looks for due mails
 * @param batchSize    how many mails one run sends at most
 * @param maxAttempts  attempts before a mail is marked failed
 */
@ConfigurationProperties("kp.mail")
public record MailProperties(String from, Duration sendInterval, Integer batchSize, Integer maxAttempts) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Kompetensportalen <no-reply@kompetensportal.invalid>" : from;
        sendInterval = sendInterval == null ? Duration.ofSeconds(10) : sendInterval;
        batchSize = batchSize == null ? 50 : batchSize;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
    }
}
