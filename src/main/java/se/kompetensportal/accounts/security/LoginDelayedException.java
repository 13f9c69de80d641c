package se.kompetensportal.accounts.security;

/** Many failed logins for this account from many addresses: wait a moment (seconds, at most a minute) and try again. */
class LoginDelayedException extends LoginThrottledException {

    LoginDelayedException(String message) {
        super(message);
    }
}
