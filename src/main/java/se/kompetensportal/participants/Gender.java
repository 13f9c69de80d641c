package se.kompetensportal.participants;

/**
 * A participant's gender as they state it; the funder breaks indicators down by women, men and non-binary.
 * Message key {@code gender.<NAME>}.
 */
public enum Gender {
    WOMAN, MAN, OTHER, UNDISCLOSED
}
