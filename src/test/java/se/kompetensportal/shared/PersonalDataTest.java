package se.kompetensportal.shared;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.validation.PersonalIdentityNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Personal identity numbers are validated strictly and stored only encrypted. */
class PersonalDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @CsvSource({
            "19811228-9874, 19811228-9874",
            "198112289874, 19811228-9874",
            "811228-9874, 19811228-9874",
            "8112289874, 19811228-9874",
            "121212+1212, 19121212-1212",
            "121212-1212, 20121212-1212",
            "19811288-9871, 19811288-9871"})
    void validNumbersAreNormalised(String input, String canonical) {
        assertThat(PersonalIdentityNumbers.normalise(input, TODAY)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"19811228-9875", "19811328-9873", "19810230-9872", "811228987", "abcdef-ghij", "",
            "19811299-9878"})
    void invalidNumbersAreRejected(String input) {
        assertThat(PersonalIdentityNumbers.isValid(input, TODAY)).isFalse();
    }

    @Test
    void coordinationNumbersAreRecognisedAndNumbersAreMasked() {
        assertThat(PersonalIdentityNumbers.isCoordinationNumber("19811288-9871")).isTrue();
        assertThat(PersonalIdentityNumbers.isCoordinationNumber("19811228-9874")).isFalse();
        assertThat(PersonalIdentityNumbers.mask("19811228-9874")).isEqualTo("19811228-****");
    }

    @Test
    void encryptedValuesRoundTripDifferEachTimeAndResistTampering() {
        PersonalDataCipher cipher = new PersonalDataCipher(new byte[32]);
        String a = cipher.encrypt("19811228-9874");
        String b = cipher.encrypt("19811228-9874");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("9874");
        assertThat(cipher.decrypt(a)).isEqualTo("19811228-9874");
        assertThat(cipher.blindIndex("19811228-9874")).isEqualTo(cipher.blindIndex("19811228-9874")).hasSize(64);

        // One bit flipped in the ciphertext (editing the base64 text could touch only padding bits).
        byte[] raw = java.util.Base64.getDecoder().decode(a.substring(3));
        raw[raw.length / 2] ^= 1;
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(RuntimeException.class);
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThatThrownBy(() -> new PersonalDataCipher(otherKey).decrypt(a)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PersonalDataCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
