package se.kompetensportal.accounts.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this account or from this address: wait before trying again. */
class LoginThrottledException extends AuthenticationException {

    LoginThrottledException(String message) {
        super(message);
    }
}
