package se.kompetensportal.participants.domain;

import java.time.Instant;
import java.util.List;

import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.Gender;

/** The secretary's view of an activity's sign-ups; {@code answers}: per sign-up, "question: answer" lines. */
public record ActivitySignUps(ActivityInfo activity, List<Row> confirmed, List<Row> waiting, List<Row> cancelled,
        int sessionsRecorded, List<SessionLink> sessions, java.util.Map<Long, List<String>> answers) {

    /**
     * @param position      place on the waiting list (1 = first), 0 otherwise
     * @param attended      sessions the person came to
     * @param recorded      sessions whose attendance was recorded for the person
     */
    public record Row(long signUpId, long personId, String name, String email, String organisation, Gender gender,
            String targetGroup, String specialNeeds, SignUpStatus status, long position, Instant createdAt,
            int attended, int recorded) {

        /** Held a seat, attendance was recorded, and the person came to none of it. */
        public boolean noShow() {
            return status == SignUpStatus.CONFIRMED && recorded > 0 && attended == 0;
        }
    }

    public record SessionLink(long id, java.time.LocalDate date, java.time.LocalTime start, boolean recordable) {
    }
}
