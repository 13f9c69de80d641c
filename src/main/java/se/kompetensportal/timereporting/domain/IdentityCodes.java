package se.kompetensportal.timereporting.domain;

import org.springframework.stereotype.Component;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.PersonalIdentities.Identity;

/**
 * How a person's identity is written in the funder's documents: the twelve digits of the personal identity or
 * coordination number ({@code ÅÅÅÅMMDDNNNN}; a samordningsnummer as it is, day + 60, as SCB's template takes it), or for
 * a protected identity the date of birth followed by SCB's code ({@link ScbProperties}). Empty when no number is
 * recorded (the secretary adds it in the person register).
 */
@Component
class IdentityCodes {

    private final ScbProperties properties;

    IdentityCodes(ScbProperties properties) {
        this.properties = properties;
    }

    /** For the SCB file: digits only. */
    String scb(Identity identity) {
        if (identity == null || identity.personalId() == null) {
            return "";
        }
        if (identity.protectedIdentity()) {
            return identity.birthDate() + (identity.gender() == Gender.WOMAN ? properties.protectedWoman()
                    : properties.protectedMan());
        }
        return identity.personalId().replace("-", "");
    }

    /** For a certificate: the canonical form with its hyphen, or the protected code. */
    String certificate(Identity identity) {
        if (identity == null || identity.personalId() == null) {
            return "";
        }
        return identity.protectedIdentity() ? scb(identity) : identity.personalId();
    }
}
