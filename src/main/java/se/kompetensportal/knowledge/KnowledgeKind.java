package se.kompetensportal.knowledge;

/** What a knowledge item is. Message key {@code knowledge.kind.<NAME>}. */
public enum KnowledgeKind {
    /** An article: what the project learnt, an experience, a report. */
    ARTICLE,
    /** A method description: how to run an exercise, a dialogue, a process. */
    METHOD,
    /** A documented good example of integration work or collaboration. */
    GOOD_EXAMPLE,
    /** Training material: slides, hand-outs, films. */
    MATERIAL
}
