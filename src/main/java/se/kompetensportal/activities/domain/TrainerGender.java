package se.kompetensportal.activities.domain;

/** A trainer's gender, as ESF+ reports it (women, men, non-binary). Message key {@code trainer.gender.<NAME>}. */
public enum TrainerGender {
    WOMAN, MAN, NON_BINARY
}
