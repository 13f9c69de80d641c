package se.kompetensportal.shared.privacy;

/**
 * A module's part of a person's own copy of their data (GDPR art. 15 and 20, {@code /my/data/export.json}). Each module
 * that holds personal data implements it over its own tables; the export gathers all of them, so no module reads
 * another's tables. The layout of each section is documented in {@code docs/personal-data.md}.
 */
public interface PersonalDataExport {

    /** The section's name in the export (a JSON key), such as {@code "timeConfirmations"}. */
    String section();

    /** What the module holds about the person: lists and maps of strings, numbers and booleans (serialised as JSON). */
    Object export(DataSubject subject);
}
