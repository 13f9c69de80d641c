package se.kompetensportal.knowledge.domain;

/**
 * Where a knowledge item is on its way to the public: a draft is edited by the project's staff, an item in review waits
 * for another look (and may be sent back with a comment), a published one is open to all. Message key
 * {@code knowledge.status.<NAME>}.
 */
public enum ItemStatus {
    DRAFT, IN_REVIEW, PUBLISHED
}
