package se.kompetensportal.shared.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a missing or malformed personal-data key instead of printing a stack trace. */
public class MissingCryptoKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingCryptoKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingCryptoKeyException cause) {
        return new FailureAnalysis("Kompetensportalen has no key for encrypting personal data: " + cause.getMessage(),
                "Generate one with `openssl rand -base64 32`, keep it safe (without it stored personal identity "
                        + "numbers cannot be read), and set it as KP_CRYPTO_KEY.", cause);
    }
}
