package se.kompetensportal.newsletter.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.PublicProjects;
import se.kompetensportal.projects.PublicProjects.PublicProject;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Subscriptions. From the public form: double opt-in, a confirmation link by mail, the subscription counts only once
 * the link is used (the consent time), and the answer is the same whether the address was new, waiting or already
 * subscribed (nobody learns who subscribes). From a signed-in user's own page: the account's address, confirmed by the
 * sign-in itself. Unsubscribing needs no login: the secret link in every issue, or one click in the mail program.
 */
@Service
@Transactional
public class SubscriptionService {

    /** What became of a confirmation or unsubscribe link. */
    public enum LinkOutcome { DONE, ALREADY_DONE, EXPIRED, UNKNOWN }

    /** A link's outcome and the project it concerned. */
    public record LinkResult(LinkOutcome outcome, PublicProject project) {
    }

    /** A project the signed-in user may subscribe to, and whether they do. */
    public record MySubscription(PublicProject project, boolean subscribed, Instant since) {
    }

    private final SubscriberRepository subscribers;
    private final PublicProjects projects;
    private final NewsletterMails mails;
    private final NewsletterProperties properties;
    private final Clock clock;

    SubscriptionService(SubscriberRepository subscribers, PublicProjects projects, NewsletterMails mails,
            NewsletterProperties properties, Clock clock) {
        this.subscribers = subscribers;
        this.projects = projects;
        this.mails = mails;
        this.properties = properties;
        this.clock = clock;
    }

    public PublicProject project(long projectId) {
        return projects.byId(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    /**
     * A request from the public form. A new or unsubscribed address gets a confirmation mail; a waiting one gets a new
     * link unless one was sent within the last ten minutes; a confirmed one gets nothing.
     */
    public void request(long projectId, String email, Locale locale) {
        PublicProject project = project(projectId);
        String address = email.strip();
        Instant now = clock.instant();
        String language = "en".equals(locale.getLanguage()) ? "en" : "sv";
        Subscriber s = subscribers.findByProjectAndEmail(projectId, address).orElse(null);
        if (s != null && s.getStatus() == SubscriberStatus.CONFIRMED) {
            return;
        }
        if (s != null && s.getStatus() == SubscriberStatus.PENDING
                && s.getRequestedAt().plus(java.time.Duration.ofMinutes(10)).isAfter(now)) {
            return;
        }
        if (s == null) {
            s = subscribers.save(new Subscriber(projectId, address, language, SubscriberSource.WEB, null, now));
        }
        s.setLocale(language);
        String token = s.requestConfirmation(now, properties.confirmValidFor());
        mails.confirmation(s, project.name(), token);
    }

    /** The project a confirmation link is for, without using it (the page asks before it confirms). */
    @Transactional(readOnly = true)
    public LinkResult checkConfirmation(String token) {
        return confirmation(token, false);
    }

    public LinkResult confirm(String token) {
        return confirmation(token, true);
    }

    private LinkResult confirmation(String token, boolean use) {
        if (!Tokens.wellFormed(token)) {
            return new LinkResult(LinkOutcome.UNKNOWN, null);
        }
        Optional<Subscriber> found = subscribers.findByConfirmTokenHash(Tokens.hash(token));
        if (found.isEmpty()) {
            // A used link: the hash is gone once confirmed. Nothing tells which address it was.
            return new LinkResult(LinkOutcome.ALREADY_DONE, null);
        }
        Subscriber s = found.get();
        PublicProject project = projects.byId(s.getProjectId()).orElse(null);
        if (s.getConfirmExpiresAt() == null || !s.getConfirmExpiresAt().isAfter(clock.instant())) {
            return new LinkResult(LinkOutcome.EXPIRED, project);
        }
        if (use) {
            s.confirm(clock.instant());
        }
        return new LinkResult(LinkOutcome.DONE, project);
    }

    @Transactional(readOnly = true)
    public LinkResult checkUnsubscribe(String token) {
        return unsubscription(token, false);
    }

    /** Ends the subscription the link belongs to; a second time it says so, and does nothing. */
    public LinkResult unsubscribe(String token) {
        return unsubscription(token, true);
    }

    private LinkResult unsubscription(String token, boolean use) {
        if (!Tokens.wellFormed(token)) {
            return new LinkResult(LinkOutcome.UNKNOWN, null);
        }
        Optional<Subscriber> found = subscribers.findByUnsubscribeToken(token);
        if (found.isEmpty()) {
            return new LinkResult(LinkOutcome.UNKNOWN, null);
        }
        Subscriber s = found.get();
        PublicProject project = projects.byId(s.getProjectId()).orElse(null);
        if (s.getStatus() == SubscriberStatus.UNSUBSCRIBED) {
            return new LinkResult(LinkOutcome.ALREADY_DONE, project);
        }
        if (use) {
            s.unsubscribe(clock.instant());
        }
        return new LinkResult(LinkOutcome.DONE, project);
    }

    /** Every project, and whether the user's address subscribes to its newsletter. */
    @Transactional(readOnly = true)
    public List<MySubscription> mine(PortalUser user) {
        List<PublicProject> all = projects.projects();
        Map<Long, Subscriber> own = subscribers.findByEmailInProjects(user.email(),
                        all.stream().map(PublicProject::id).toList()).stream()
                .collect(Collectors.toMap(Subscriber::getProjectId, Function.identity()));
        return all.stream().map(p -> {
            Subscriber s = own.get(p.id());
            boolean on = s != null && s.getStatus() == SubscriberStatus.CONFIRMED;
            return new MySubscription(p, on, on ? s.getConsentAt() : null);
        }).toList();
    }

    /** Subscribes the user's own address: signing in proved it is theirs, so it is confirmed at once. */
    public void subscribeMe(PortalUser user, long projectId, Locale locale) {
        project(projectId);
        Instant now = clock.instant();
        Subscriber s = subscribers.findByProjectAndEmail(projectId, user.email())
                .orElseGet(() -> subscribers.save(new Subscriber(projectId, user.email(),
                        "en".equals(locale.getLanguage()) ? "en" : "sv", SubscriberSource.PROFILE, user.id(), now)));
        if (s.getStatus() != SubscriberStatus.CONFIRMED) {
            s.setUserId(user.id());
            s.confirm(now);
        }
    }

    public void unsubscribeMe(PortalUser user, long projectId) {
        subscribers.findByProjectAndEmail(projectId, user.email())
                .filter(s -> s.getStatus() != SubscriberStatus.UNSUBSCRIBED)
                .ifPresent(s -> s.unsubscribe(clock.instant()));
    }
}
