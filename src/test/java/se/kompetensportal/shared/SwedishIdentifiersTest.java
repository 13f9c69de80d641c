package se.kompetensportal.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import se.kompetensportal.shared.validation.Luhn;
import se.kompetensportal.shared.validation.OrganisationNumbers;

import static org.assertj.core.api.Assertions.assertThat;

class SwedishIdentifiersTest {

    @ParameterizedTest
    @CsvSource({
            "212000-0746, 212000-0746",
            "2120000746, 212000-0746",
            "16212000-0746, 212000-0746",
            "' 802404-4433 ', 802404-4433",
            "202100 6255, 202100-6255"})
    void validOrganisationNumbersAreNormalised(String input, String canonical) {
        assertThat(OrganisationNumbers.normalise(input)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"212000-0747", "802004-4419", "21200007", "212000-07466", "abcdef-ghij", "",
            "811228-9874" /* a valid personal identity number, not a legal entity */})
    void invalidOrganisationNumbersAreRejected(String input) {
        assertThat(OrganisationNumbers.isValid(input)).isFalse();
    }

    @Test
    void luhnChecksTheLastDigit() {
        assertThat(Luhn.isValid("8112289874")).isTrue();
        assertThat(Luhn.isValid("8112289875")).isFalse();
        assertThat(Luhn.isValid("81122898x4")).isFalse();
        assertThat(Luhn.isValid(null)).isFalse();
    }
}
