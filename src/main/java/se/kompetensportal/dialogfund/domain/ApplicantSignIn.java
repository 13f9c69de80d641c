package se.kompetensportal.dialogfund.domain;

import java.util.Locale;

import org.springframework.stereotype.Service;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.shared.security.Role;

/**
 * Lets an organisation's representative in without a password: a one-time login link leading to "my applications" is
 * mailed. The account is created (or given the applicant role, unless it is a staff account) only when the link is
 * used, so the form creates no accounts by itself; the link's limits (per e-mail address, per network address) apply.
 */
@Service
public class ApplicantSignIn {

    static final String CONTINUE_PATH = "/dialog-fund/my";

    private final AccountsApi accounts;

    ApplicantSignIn(AccountsApi accounts) {
        this.accounts = accounts;
    }

    /** Whether the request was accepted (false: too many requests, from this address or for this e-mail address). */
    public boolean signIn(String name, String email, String remoteAddress, Locale locale) {
        return accounts.requestSignUpLink(email, name.strip(), Role.APPLICANT, CONTINUE_PATH, remoteAddress, locale);
    }
}
