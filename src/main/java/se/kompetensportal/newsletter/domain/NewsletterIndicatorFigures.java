package se.kompetensportal.newsletter.domain;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.indicators.NewsletterFigures;
import se.kompetensportal.shared.web.Formats;

/** The newsletter's figures for the indicators: issues sent in a period, confirmed subscribers at a day's end. */
@Component
@Transactional(readOnly = true)
class NewsletterIndicatorFigures implements NewsletterFigures {

    private final IssueRepository issues;
    private final SubscriberRepository subscribers;

    NewsletterIndicatorFigures(IssueRepository issues, SubscriberRepository subscribers) {
        this.issues = issues;
        this.subscribers = subscribers;
    }

    @Override
    public long issuesSent(long projectId, LocalDate from, LocalDate to) {
        return issues.countSent(projectId, from.atStartOfDay(Formats.ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(Formats.ZONE).toInstant());
    }

    @Override
    public long subscribersOn(long projectId, LocalDate day) {
        return subscribers.countSubscribedAt(projectId, day.plusDays(1).atStartOfDay(Formats.ZONE).toInstant());
    }
}
