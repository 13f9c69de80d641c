package se.kompetensportal.participants.domain;

import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

/**
 * The whole attendance list of a session as sent: the sign-ups marked present and, per sign-up, the minutes present
 * (left empty or equal to the session's length: the whole session).
 */
public record AttendanceForm(Set<Long> present, Map<Long, Integer> minutes) {

    public AttendanceForm {
        present = present == null ? Set.of() : Set.copyOf(present);
        minutes = minutes == null ? Map.of() : minutes;
    }

    /** The minutes given for the sign-ups marked present. */
    public Map<Long, Integer> presentMinutes() {
        Map<Long, Integer> given = new java.util.HashMap<>();
        minutes.forEach((signUp, m) -> {
            if (m != null && present.contains(signUp)) {
                given.put(signUp, m);
            }
        });
        return given;
    }

    /** Rejects minutes outside 1 … the session's length for those marked present. */
    public void check(int sessionMinutes, BindingResult result) {
        presentMinutes().forEach((signUp, m) -> {
            if (m < 1 || m > sessionMinutes) {
                result.rejectValue("minutes[" + signUp + "]", "attendance.minutes.range", new Object[] {sessionMinutes},
                        null);
            }
        });
    }
}
