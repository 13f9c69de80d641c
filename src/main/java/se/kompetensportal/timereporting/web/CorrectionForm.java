package se.kompetensportal.timereporting.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.BindingResult;
import se.kompetensportal.participants.AttendanceRecords;

/**
 * A correction of a person's month: the minutes attended per session as typed (empty or 0: absent), why, and the
 * version of the month the secretary saw.
 */
record CorrectionForm(@NotNull Long version, Map<Long, String> minutes, @NotBlank @Size(max = 1000) String reason) {

    CorrectionForm {
        minutes = minutes == null ? new LinkedHashMap<>() : new LinkedHashMap<>(minutes);
    }

    static CorrectionForm of(long version, java.util.List<AttendanceRecords.SessionMark> sessions) {
        Map<Long, String> minutes = new LinkedHashMap<>();
        sessions.forEach(s -> minutes.put(s.sessionId(), Integer.toString(s.attendedMinutes())));
        return new CorrectionForm(version, minutes, null);
    }

    /** The minutes as numbers; a value that is not a whole number is rejected on its field. */
    Map<Long, Integer> parsed(BindingResult result) {
        Map<Long, Integer> parsed = new HashMap<>();
        minutes.forEach((session, typed) -> {
            if (typed == null || typed.isBlank()) {
                parsed.put(session, 0);
                return;
            }
            try {
                parsed.put(session, Integer.parseInt(typed.strip()));
            } catch (NumberFormatException e) {
                result.rejectValue("minutes[" + session + "]", "time.correct.notNumber");
            }
        });
        return parsed;
    }
}
