package se.kompetensportal.indicators;

import java.time.LocalDate;

/**
 * What the newsletter tells the indicators: issues sent and subscribers. The newsletter module implements it; the
 * indicators module depends only on this interface (see {@link KnowledgeFigures}).
 */
public interface NewsletterFigures {

    /** Issues of the project sent in [from, to] (both inclusive, Swedish dates). */
    long issuesSent(long projectId, LocalDate from, LocalDate to);

    /** Confirmed subscribers of the project at the end of the day: confirmed by then and not unsubscribed by then. */
    long subscribersOn(long projectId, LocalDate day);
}
