package se.kompetensportal.shared.crypto;

/** No usable key for personal data is configured for an installation on an external database. */
public class MissingCryptoKeyException extends RuntimeException {

    public MissingCryptoKeyException() {
        super("KP_CRYPTO_KEY must be set to the base64 form of 32 random bytes (e.g. `openssl rand -base64 32`)");
    }
}
