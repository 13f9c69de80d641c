package se.kompetensportal.dialogfund.domain;

/** How the dialog fund stores what people type: trimmed, and an empty field as no value. */
final class Texts {

    private Texts() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
