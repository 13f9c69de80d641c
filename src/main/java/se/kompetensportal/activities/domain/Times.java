package se.kompetensportal.activities.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import se.kompetensportal.shared.web.Formats;

/** Between the Swedish local times of forms and the instants stored. */
final class Times {

    private Times() {
    }

    static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(Formats.ZONE).toInstant();
    }

    static Instant instant(LocalDate date, LocalTime time) {
        return date == null || time == null ? null : instant(date.atTime(time));
    }

    static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, Formats.ZONE);
    }

    static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, Formats.ZONE);
    }
}
