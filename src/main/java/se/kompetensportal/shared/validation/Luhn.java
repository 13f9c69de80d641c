package se.kompetensportal.shared.validation;

/** The Luhn (modulus 10) check used by Swedish personal identity and organisation numbers. */
public final class Luhn {

    private Luhn() {
    }

    /** Whether the last digit of a string of digits is the Luhn check digit of the ones before it. */
    public static boolean isValid(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}
