package se.kompetensportal.participants;

/**
 * A person's contact data was erased (pseudonymised). Counts by gender, organisation and hours are kept; other modules
 * must remove or anonymise what they hold about the person.
 */
public record PersonErased(long personId) {
}
