package se.kompetensportal.accounts.domain;

/** The database has no users and no first administrator is configured: the portal refuses to start. */
public class NoAdministratorException extends RuntimeException {

    public NoAdministratorException(String message) {
        super(message);
    }
}
