package se.kompetensportal.knowledge.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A knowledge item as the editor's workflow panel shows it: its state, the reviewer's comment, where it came from. */
public record ItemView(long id, ItemStatus status, boolean published, Instant publishedAt, String reviewComment,
        SourceKind sourceKind, String consentGivenBy, LocalDate consentGivenOn, String consentNote) {

    public static ItemView of(KnowledgeItem item) {
        return new ItemView(item.getId(), item.getStatus(), item.isPublished(), item.getPublishedAt(),
                item.getReviewComment(), item.getSourceKind(), item.getConsentGivenBy(), item.getConsentGivenOn(),
                item.getConsentNote());
    }
}
