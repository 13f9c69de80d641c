package se.kompetensportal.participants.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import se.kompetensportal.participants.Gender;

/** A person as the secretary sees them: contact data, masked personal identity number, sign-ups, hours, access log. */
public record PersonDetails(long id, String firstName, String lastName, String email, String phone,
        String organisation, String jobTitle, Gender gender, String maskedPersonalId, boolean hasAccount,
        Instant createdAt, Instant erasureRequestedAt, boolean erased, boolean mayErase, List<SignUpLine> signUps,
        List<MonthHours> hours, List<Access> accessLog, List<PersonRow> possibleDuplicates) {

    public record SignUpLine(long signUpId, long activityId, String activity, SignUpStatus status, Instant createdAt) {
    }

    /** Whole hours attended in a month, per project: the funder's rule (rounded down). */
    public record MonthHours(String project, YearMonth month, long hours) {
    }

    public record Access(String who, Instant at) {
    }
}
