package se.kompetensportal.timereporting.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import se.kompetensportal.timereporting.domain.ExitReason;

/** An explicit exit of the participant whose month is shown: the date they left the project and why. */
record ExitForm(@NotNull LocalDate exitDate, @NotNull ExitReason exitReason) {

    static ExitForm empty() {
        return new ExitForm(null, null);
    }
}
