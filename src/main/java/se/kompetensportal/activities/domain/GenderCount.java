package se.kompetensportal.activities.domain;

/** How many trainers of a gender a track or project ({@code key}) has. */
public record GenderCount(long key, TrainerGender gender, long count) {
}
