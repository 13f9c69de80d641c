package se.kompetensportal.newsletter.domain;

/**
 * What an issue's item is: one of the project's activities, another actor's activity entered by hand, or a new item
 * of the knowledge bank.
 */
public enum ItemKind {
    ACTIVITY, EXTERNAL, KNOWLEDGE
}
