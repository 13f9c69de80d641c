package se.kompetensportal.indicators;

import java.time.LocalDate;

/**
 * What the knowledge bank tells the indicators: how many of a project's knowledge items were published in a period
 * (Delmål 3, "lessons public on a website"). The knowledge module implements it; the indicators module depends only on
 * this interface, so that the knowledge module may read the indicators' collaboration register without a cycle.
 */
public interface KnowledgeFigures {

    /** Items first published in [from, to] (both inclusive, Swedish dates), of the track, or of any track when null. */
    long itemsPublished(long projectId, Long trackId, LocalDate from, LocalDate to);
}
