package se.kompetensportal.knowledge.domain;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.indicators.KnowledgeFigures;
import se.kompetensportal.shared.web.Formats;

/** The knowledge bank's figures for the indicators: items by the day they were first published. */
@Component
@Transactional(readOnly = true)
class KnowledgeIndicatorFigures implements KnowledgeFigures {

    private final KnowledgeItemRepository items;

    KnowledgeIndicatorFigures(KnowledgeItemRepository items) {
        this.items = items;
    }

    @Override
    public long itemsPublished(long projectId, Long trackId, LocalDate from, LocalDate to) {
        return items.countFirstPublished(projectId, trackId, from.atStartOfDay(Formats.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant());
    }
}
