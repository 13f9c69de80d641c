package se.kompetensportal.newsletter.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The newsletter's settings ({@code kp.newsletter.*}).
 *
 * @param window                 how far ahead a draft looks for activities (six weeks)
 * @param interval               how long after an issue the secretary is reminded to send the next (six weeks)
 * @param confirmValidFor        how long a confirmation link works; an unconfirmed request is deleted after it
 * @param eraseUnsubscribedAfter how long an unsubscribed address is kept before it is erased
 * @param batchSize              how many mails one transaction of the dispatch writes to the outbox
 */
@ConfigurationProperties("kp.newsletter")
public record NewsletterProperties(Duration window, Duration interval, Duration confirmValidFor,
        Duration eraseUnsubscribedAfter, Integer batchSize) {

    public NewsletterProperties {
        window = window == null ? Duration.ofDays(42) : window;
        interval = interval == null ? Duration.ofDays(42) : interval;
        confirmValidFor = confirmValidFor == null ? Duration.ofDays(7) : confirmValidFor;
        eraseUnsubscribedAfter = eraseUnsubscribedAfter == null ? Duration.ofDays(30) : eraseUnsubscribedAfter;
        batchSize = batchSize == null || batchSize < 1 ? 250 : batchSize;
    }
}
