package se.kompetensportal.participants.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.validation.BindingResult;

/**
 * The whole attendance list of a session as sent: the sign-ups marked present and, per sign-up, the minutes present
 * as typed (empty, or the session's length: the whole session). Minutes are kept as text so that what was typed is
 * shown again when it is rejected.
 */
public record AttendanceForm(Set<Long> present, Map<Long, String> minutes) {

    public AttendanceForm {
        present = present == null ? Set.of() : Set.copyOf(present);
        minutes = minutes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(minutes);
    }

    /** The form as the sheet stands: those recorded present checked, each row's recorded minutes or the session's. */
    public static AttendanceForm of(AttendanceSheet sheet) {
        Map<Long, String> minutes = new LinkedHashMap<>();
        sheet.rows().forEach(r -> minutes.put(r.signUpId(), Integer.toString(r.minutesOr(sheet.sessionMinutes()))));
        return new AttendanceForm(sheet.rows().stream().filter(r -> Boolean.TRUE.equals(r.attended()))
                .map(AttendanceSheet.Row::signUpId).collect(java.util.stream.Collectors.toSet()), minutes);
    }

    /** The minutes given for the sign-ups marked present (call {@link #check} first). */
    public Map<Long, Integer> presentMinutes() {
        Map<Long, Integer> given = new HashMap<>();
        minutes.forEach((signUp, m) -> {
            if (m != null && !m.isBlank() && present.contains(signUp)) {
                given.put(signUp, Integer.parseInt(m.strip()));
            }
        });
        return given;
    }

    /** Rejects minutes that are not a whole number from 1 to the session's length, for those marked present. */
    public void check(int sessionMinutes, BindingResult result) {
        minutes.forEach((signUp, m) -> {
            if (m == null || m.isBlank() || !present.contains(signUp)) {
                return;
            }
            int value;
            try {
                value = Integer.parseInt(m.strip());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > sessionMinutes) {
                result.rejectValue("minutes[" + signUp + "]", "attendance.minutes.range", new Object[] {sessionMinutes},
                        null);
            }
        });
    }
}
