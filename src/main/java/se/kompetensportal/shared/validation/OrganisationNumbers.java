package se.kompetensportal.shared.validation;

import java.util.Optional;

/**
 * Swedish organisation numbers (organisationsnummer): ten digits written {@code NNNNNN-NNNN}, the last a Luhn check
 * digit, and the third digit at least 2 (which tells a legal entity from a personal identity number). A twelve-digit
 * form with the century-like prefix {@code 16} is accepted too.
 */
public final class OrganisationNumbers {

    private OrganisationNumbers() {
    }

    /** The number in its canonical form {@code NNNNNN-NNNN}, or empty if it is not a valid organisation number. */
    public static Optional<String> normalise(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s-]", "");
        if (digits.length() == 12 && digits.startsWith("16")) {
            digits = digits.substring(2);
        }
        if (digits.length() != 10 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (digits.charAt(2) < '2' || !Luhn.isValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(digits.substring(0, 6) + "-" + digits.substring(6));
    }

    public static boolean isValid(String input) {
        return normalise(input).isPresent();
    }
}
