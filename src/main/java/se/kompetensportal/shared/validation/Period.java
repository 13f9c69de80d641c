package se.kompetensportal.shared.validation;

import java.time.LocalDate;

/** A form with a start and an end date; see {@link ValidPeriod}. */
public interface Period {

    LocalDate periodStart();

    LocalDate periodEnd();
}
