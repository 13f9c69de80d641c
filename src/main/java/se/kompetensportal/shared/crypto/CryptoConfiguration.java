package se.kompetensportal.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key for personal data comes from {@code KP_CRYPTO_KEY} (base64 of 32 random bytes, e.g.
 * {@code openssl rand -base64 32}). On the embedded database, where the portal is tried out, a key is generated once and
 * kept beside the data ({@code <data-dir>/../kp-crypto.key}) so that restarts can still read what was stored. With an
 * external database and no key the portal refuses to start: data encrypted with a lost key is lost.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    PersonalDataCipher personalDataCipher(@Value("${kp.crypto.key:}") String configuredKey,
            @Value("${kp.embedded-db.active:false}") boolean embedded,
            @Value("${kp.embedded-db.data-dir:./data/pg}") String dataDir) {
        if (!configuredKey.isBlank()) {
            return new PersonalDataCipher(decode(configuredKey));
        }
        if (!embedded) {
            throw new MissingCryptoKeyException();
        }
        if (dataDir.isBlank()) {
            // A temporary embedded database (tests): a key for this run only.
            return new PersonalDataCipher(randomKey());
        }
        return new PersonalDataCipher(keyBeside(Path.of(dataDir).toAbsolutePath().normalize()));
    }

    private static byte[] keyBeside(Path dataDir) {
        Path file = dataDir.resolveSibling("kp-crypto.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            byte[] key = randomKey();
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Generated a personal-data key for the embedded database in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MissingCryptoKeyException();
        }
    }
}
