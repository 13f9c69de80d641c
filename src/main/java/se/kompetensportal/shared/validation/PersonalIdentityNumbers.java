package se.kompetensportal.shared.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer, day of birth + 60).
 * Accepted forms: {@code YYYYMMDD-NNNN}, {@code YYYYMMDDNNNN}, {@code YYMMDD-NNNN}, {@code YYMMDD+NNNN} (100 years or
 * older) and {@code YYMMDDNNNN}. The canonical form is twelve digits with a hyphen: {@code 19811228-9874}. The date must
 * exist (for coordination numbers after subtracting 60 from the day) and the last digit must be the Luhn check digit
 * of the ten-digit form.
 */
public final class PersonalIdentityNumbers {

    private PersonalIdentityNumbers() {
    }

    /** The number in canonical form, or empty if it is not a valid personal identity or coordination number. */
    public static Optional<String> normalise(String input, LocalDate today) {
        if (input == null) {
            return Optional.empty();
        }
        String value = input.strip().replace(" ", "");
        boolean centenarian = value.contains("+");
        String digits = value.replace("-", "").replace("+", "");
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String full;
        if (digits.length() == 12) {
            full = digits;
        } else if (digits.length() == 10) {
            full = century(digits, centenarian, today) + digits;
        } else {
            return Optional.empty();
        }
        if (!Luhn.isValid(full.substring(2))) {
            return Optional.empty();
        }
        if (birthDate(full).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(full.substring(0, 8) + "-" + full.substring(8));
    }

    public static boolean isValid(String input, LocalDate today) {
        return normalise(input, today).isPresent();
    }

    /** Whether a (canonical) number is a coordination number. */
    public static boolean isCoordinationNumber(String canonical) {
        return Integer.parseInt(canonical.substring(6, 8)) > 60;
    }

    /** Shown to people who may not see the whole number: the date of birth and four stars. */
    public static String mask(String canonical) {
        return canonical == null ? "" : canonical.substring(0, 8) + "-****";
    }

    private static Optional<LocalDate> birthDate(String twelveDigits) {
        int year = Integer.parseInt(twelveDigits.substring(0, 4));
        int month = Integer.parseInt(twelveDigits.substring(4, 6));
        int day = Integer.parseInt(twelveDigits.substring(6, 8));
        if (day > 60) {
            day -= 60;
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The century of a ten-digit number: the latest one that puts the birth date in the past ('+' adds 100 years). */
    private static String century(String tenDigits, boolean centenarian, LocalDate today) {
        int yy = Integer.parseInt(tenDigits.substring(0, 2));
        int year = today.getYear() - (today.getYear() % 100) + yy;
        if (year > today.getYear()) {
            year -= 100;
        }
        if (centenarian) {
            year -= 100;
        }
        return Integer.toString(year / 100);
    }
}
