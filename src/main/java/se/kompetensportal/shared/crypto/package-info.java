/**
 * Encryption of personal data at rest (personal identity numbers): {@link
 * se.kompetensportal.shared.crypto.PersonalDataCipher}.
 */
@org.springframework.modulith.NamedInterface("crypto")
package se.kompetensportal.shared.crypto;
