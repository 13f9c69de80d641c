package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases what the newsletter no longer needs: the address and tokens of a subscriber unsubscribed longer than
 * {@code kp.newsletter.erase-unsubscribed-after} (the dates stay, anonymous, for the indicator), and requests whose
 * confirmation link ran out unused (there never was a consent, so nothing is kept).
 */
@Service
public class SubscriberRetention {

    public record Result(int erased, int deleted) {
    }

    private final SubscriberRepository subscribers;
    private final NewsletterProperties properties;
    private final Clock clock;

    SubscriberRetention(SubscriberRepository subscribers, NewsletterProperties properties, Clock clock) {
        this.subscribers = subscribers;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Result eraseExpired() {
        Instant now = clock.instant();
        int erased = subscribers.eraseUnsubscribedBefore(now.minus(properties.eraseUnsubscribedAfter()), now);
        int deleted = subscribers.deleteUnconfirmedBefore(now);
        return new Result(erased, deleted);
    }
}
