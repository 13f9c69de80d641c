package se.kompetensportal.participants;

import java.util.Locale;

/** A person who attended an activity (for instance, to be invited to its evaluation). */
public record Attendee(long personId, String email, String firstName, Locale locale) {
}
