package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How an activity takes sign-ups beyond its seats: with {@code offers}, a freed seat is offered to the first person
 * waiting for {@code offerHours} hours (1 to 336, two weeks) instead of being given at once.
 */
public record SignUpSettingsForm(Boolean offers, @Min(1) @Max(336) Integer offerHours) {

    public boolean offersOn() {
        return Boolean.TRUE.equals(offers);
    }
}
