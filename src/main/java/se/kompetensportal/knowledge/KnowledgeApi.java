package se.kompetensportal.knowledge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.knowledge.domain.ItemStatus;
import se.kompetensportal.knowledge.domain.KnowledgeCatalogue;
import se.kompetensportal.knowledge.domain.KnowledgeItem;
import se.kompetensportal.knowledge.domain.KnowledgeItemRepository;

/**
 * What other modules may ask of the knowledge bank (the public project pages, the newsletter): published items only.
 * Unscoped: everything here is public.
 */
@Service
@Transactional(readOnly = true)
public class KnowledgeApi {

    /** A published item as another module lists it. */
    public record KnowledgeSummary(long id, long projectId, Long trackId, KnowledgeKind kind, String title,
            String summary, String authors, Instant publishedAt, String path) {
    }

    private final KnowledgeItemRepository items;

    KnowledgeApi(KnowledgeItemRepository items) {
        this.items = items;
    }

    /** The project's latest published items. */
    public List<KnowledgeSummary> latest(long projectId, int limit) {
        return items.latestPublished(List.of(projectId), limit).stream().map(KnowledgeApi::summary).toList();
    }

    /** The project's items published in [from, to), by track. */
    public List<KnowledgeSummary> publishedBetween(long projectId, Instant from, Instant to) {
        return items.publishedBetween(projectId, from, to).stream().map(KnowledgeApi::summary).toList();
    }

    /** Of these items, those still published. */
    public List<KnowledgeSummary> published(Collection<Long> itemIds) {
        return items.findAllById(itemIds).stream().filter(i -> i.getStatus() == ItemStatus.PUBLISHED)
                .map(KnowledgeApi::summary).toList();
    }

    private static KnowledgeSummary summary(KnowledgeItem i) {
        return new KnowledgeSummary(i.getId(), i.getProjectId(), i.getTrackId(), i.getKind(), i.getTitle(),
                i.getSummary(), i.getAuthors(), i.getPublishedAt(), KnowledgeCatalogue.path(i.getId(), i.getTitle()));
    }
}
