package se.kompetensportal.accounts.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import se.kompetensportal.accounts.domain.PendingSignUps;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.RateLimiter;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * One-time login links sent by e-mail. A link is valid for {@link #VALID_FOR} and works once. One e-mail address may
 * ask for {@value #PER_ADDRESS_LIMIT} links an hour; one network address for {@value #PER_IP_LIMIT}, a ceiling generous
 * enough for a whole office or municipality behind one address to sign up for a course within the hour, while the
 * per-e-mail limit keeps anyone from flooding one mailbox. Whether an account exists is never revealed: an unknown or
 * deactivated address gets the same answer, and no mail (unless it is a self-service sign-up, {@link #requestSignUp}).
 */
@Component
public class LoginLinks {

    public static final Duration VALID_FOR = Duration.ofMinutes(15);
    static final int PER_ADDRESS_LIMIT = 5;
    static final int PER_IP_LIMIT = 300;
    static final Duration WINDOW = Duration.ofHours(1);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");

    public enum Outcome { SENT, THROTTLED, INVALID }

    private final OneTimeTokenService tokens;
    private final PortalUserLookup lookup;
    private final Outbox outbox;
    private final RateLimiter limiter;
    private final PortalProperties portal;
    private final TransactionTemplate transactions;
    private final PendingSignUps pending;

    LoginLinks(OneTimeTokenService tokens, PortalUserLookup lookup, Outbox outbox, RateLimiter limiter,
            PortalProperties portal, TransactionTemplate transactions, PendingSignUps pending) {
        this.pending = pending;
        this.tokens = tokens;
        this.lookup = lookup;
        this.outbox = outbox;
        this.limiter = limiter;
        this.portal = portal;
        this.transactions = transactions;
    }

    static boolean isEmail(String value) {
        return value != null && EMAIL.matcher(value.strip()).matches();
    }

    /** Issues a link for the address and mails it (rate limits apply). */
    public Outcome request(String email, String continuePath, String remoteAddress, Locale locale) {
        if (!isEmail(email)) {
            return Outcome.INVALID;
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (throttled(normalised, remoteAddress)) {
            return Outcome.THROTTLED;
        }
        OneTimeToken token = tokens.generate(new GenerateOneTimeTokenRequest(normalised, VALID_FOR));
        mail(token, continuePath, locale);
        return Outcome.SENT;
    }

    /**
     * A self-service sign-up from an anonymous form: mails a link to the address whether or not it has an account, and
     * remembers the request; nothing about any account changes until the link is used (see {@link PendingSignUps}).
     * The same limits apply as to any link.
     */
    public Outcome requestSignUp(String email, String displayName, Role role, String continuePath,
            String remoteAddress, Locale locale) {
        if (!isEmail(email) || displayName == null || displayName.isBlank()) {
            return Outcome.INVALID;
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        if (throttled(normalised, remoteAddress)) {
            return Outcome.THROTTLED;
        }
        Optional<PortalUser> existing = lookup.byEmail(normalised);
        if (existing.isPresent() && !existing.get().isEnabled()) {
            return Outcome.SENT;
        }
        pending.remember(normalised, displayName, role);
        OneTimeToken token = tokens.generate(new GenerateOneTimeTokenRequest(normalised, VALID_FOR));
        mail(token, continuePath, locale);
        return Outcome.SENT;
    }

    /** Mails a token that Spring Security's generation filter has already issued (rate limits apply). */
    Outcome deliver(OneTimeToken token, String continuePath, String remoteAddress, Locale locale) {
        if (!isEmail(token.getUsername())) {
            return Outcome.INVALID;
        }
        if (throttled(token.getUsername().strip().toLowerCase(Locale.ROOT), remoteAddress)) {
            return Outcome.THROTTLED;
        }
        mail(token, continuePath, locale);
        return Outcome.SENT;
    }

    private boolean throttled(String email, String remoteAddress) {
        boolean perAddress = limiter.hit("link:" + email, PER_ADDRESS_LIMIT, WINDOW);
        boolean perIp = limiter.hit("link-ip:" + remoteAddress, PER_IP_LIMIT, WINDOW);
        return perAddress || perIp;
    }

    private void mail(OneTimeToken token, String continuePath, Locale locale) {
        Optional<PortalUser> user = lookup.byEmail(token.getUsername());
        String email;
        String name;
        if (user.isPresent() && user.get().isEnabled()) {
            email = user.get().email();
            name = user.get().displayName();
        } else if (user.isEmpty() && pending.displayName(token.getUsername()).isPresent()) {
            email = token.getUsername();
            name = pending.displayName(token.getUsername()).get();
        } else {
            return;
        }
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString(portal.link("/login/ott"))
                .queryParam("token", token.getTokenValue());
        if (ContinueUrlSuccessHandler.isLocalPath(continuePath)) {
            link.queryParam("continue", continuePath);
        }
        String url = link.encode().build().toUriString();
        transactions.executeWithoutResult(status -> outbox.enqueue(
                OutgoingMail.to(email, locale)
                        .template("accounts/login-link")
                        .subject("mail.loginLink.subject")
                        .variable("name", name)
                        .variable("link", url)
                        .variable("validMinutes", VALID_FOR.toMinutes())
                        .category("accounts.login-link")
                        .sensitive()
                        .build()));
    }
}
