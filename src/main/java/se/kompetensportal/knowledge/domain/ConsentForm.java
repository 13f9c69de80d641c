package se.kompetensportal.knowledge.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * The applicant's (or the collaboration partners') consent to publish their report as a good example, as the secretary
 * records it before an item is made from it: who gave it, when, and how (a mail, a signed form).
 */
public record ConsentForm(
        @NotBlank @Size(max = 200) String givenBy,
        @NotNull @PastOrPresent LocalDate givenOn,
        @Size(max = 500) String note,
        @NotNull(message = "{knowledge.consent.confirmed.required}")
        @AssertTrue(message = "{knowledge.consent.confirmed.required}") Boolean confirmed) {

    public static ConsentForm empty(String givenBy) {
        return new ConsentForm(givenBy, null, "", null);
    }
}
