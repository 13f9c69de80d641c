package se.kompetensportal.accounts.domain;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains, instead of a stack trace, why a new installation without an administrator does not start. */
public class NoAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<NoAdministratorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoAdministratorException cause) {
        return new FailureAnalysis(
                "Kompetensportalen has no users and no first administrator was configured: " + cause.getMessage(),
                "Set KP_ADMIN_EMAIL and KP_ADMIN_PASSWORD (at least 10 characters) for the first start, or start with "
                        + "demo data (KP_DEMO_ENABLED=true) on a database meant for trying the portal out.",
                cause);
    }
}
