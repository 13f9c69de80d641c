package se.kompetensportal.dialogfund.domain;

import java.time.Duration;
import java.util.Locale;

import org.springframework.stereotype.Service;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.shared.security.RateLimiter;
import se.kompetensportal.shared.security.Role;

/**
 * Lets an organisation's representative in without a password: the account for the address is created (or given the
 * applicant role) and a one-time login link leading to "my applications" is mailed. One network address may start
 * {@value #PER_IP_LIMIT} sign-ins an hour, so the form cannot be used to create accounts in bulk; the login link has
 * its own limits per address.
 */
@Service
public class ApplicantSignIn {

    static final String CONTINUE_PATH = "/dialog-fund/my";
    static final int PER_IP_LIMIT = 20;

    private final AccountsApi accounts;
    private final RateLimiter limiter;

    ApplicantSignIn(AccountsApi accounts, RateLimiter limiter) {
        this.accounts = accounts;
        this.limiter = limiter;
    }

    /** Whether the link was sent (false: too many requests, from this address or for this e-mail address). */
    public boolean signIn(String name, String email, String remoteAddress, Locale locale) {
        if (limiter.hit("dialogfund-sign-in:" + remoteAddress, PER_IP_LIMIT, Duration.ofHours(1))) {
            return false;
        }
        try {
            accounts.ensureAccount(email, name.strip(), Role.APPLICANT);
        } catch (AccountsApi.AccountRaceException raced) {
            // Another request created the account at the same moment; now it exists, so this adds the role.
            accounts.ensureAccount(email, name.strip(), Role.APPLICANT);
        }
        return accounts.sendLoginLink(email, CONTINUE_PATH, remoteAddress, locale);
    }
}
