package se.kompetensportal.participants.domain;

import se.kompetensportal.participants.Gender;

/** A row of the person register. */
public record PersonRow(long id, String name, String email, String organisation, Gender gender, int signUps,
        boolean erasureRequested) {
}
