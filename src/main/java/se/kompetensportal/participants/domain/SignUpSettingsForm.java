package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How an activity takes sign-ups beyond its seats: with {@code offers}, a freed seat is offered to the first person
 * waiting for {@code offerHours} hours (1 to 336, two weeks) instead of being given at once; with {@code approval},
 * a sign-up names the manager, who approves it by a link while the seat is held {@code approvalDays} (1 to 30).
 */
public record SignUpSettingsForm(Boolean offers, @Min(1) @Max(336) Integer offerHours, Boolean approval,
        @Min(1) @Max(30) Integer approvalDays) {

    public SignUpSettingsForm(Boolean offers, Integer offerHours) {
        this(offers, offerHours, false, 5);
    }

    public boolean approvalOn() {
        return Boolean.TRUE.equals(approval);
    }

    public boolean offersOn() {
        return Boolean.TRUE.equals(offers);
    }
}
