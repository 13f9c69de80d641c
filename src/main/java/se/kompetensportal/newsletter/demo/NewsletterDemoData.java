package se.kompetensportal.newsletter.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityListings;
import se.kompetensportal.activities.ActivityListings.ListedActivity;
import se.kompetensportal.knowledge.KnowledgeApi;
import se.kompetensportal.knowledge.KnowledgeApi.KnowledgeSummary;
import se.kompetensportal.newsletter.domain.Issue;
import se.kompetensportal.newsletter.domain.IssueItem;
import se.kompetensportal.newsletter.domain.IssueItemRepository;
import se.kompetensportal.newsletter.domain.IssueRepository;
import se.kompetensportal.newsletter.domain.ItemKind;
import se.kompetensportal.newsletter.domain.SubscriberRepository;
import se.kompetensportal.newsletter.domain.Subscriber;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;

/**
 * Demo data: two past issues of IKO's newsletter (about three months and six and a half weeks ago, so the secretary's
 * reminder is due) and a few confirmed subscribers. Loaded once, after the knowledge bank.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class NewsletterDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NewsletterDemoData.class);
    private static final String IKO_REFERENCE = "2016/00175";
    private static final List<String> SUBSCRIBERS = List.of("anna.berg", "erik.holm", "sara.nilsson", "omar.hassan",
            "lena.ek", "johan.lind", "amina.yusuf", "per.sjoberg");

    private final ProjectsApi projects;
    private final IssueRepository issues;
    private final IssueItemRepository items;
    private final SubscriberRepository subscribers;
    private final ActivityListings activities;
    private final KnowledgeApi knowledge;
    private final Formats formats;
    private final Clock clock;

    NewsletterDemoData(ProjectsApi projects, IssueRepository issues, IssueItemRepository items,
            SubscriberRepository subscribers, ActivityListings activities,
            KnowledgeApi knowledge, Formats formats, Clock clock) {
        this.projects = projects;
        this.issues = issues;
        this.items = items;
        this.subscribers = subscribers;
        this.activities = activities;
        this.knowledge = knowledge;
        this.formats = formats;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<ProjectInfo> found = projects.projectByFunderReference(IKO_REFERENCE);
        if (found.isEmpty() || !issues.findByProjectIdOrderByNumberDesc(found.get().id()).isEmpty()) {
            return;
        }
        ProjectInfo iko = found.get();
        Instant now = clock.instant();
        List<ListedActivity> coming = activities.upcoming(List.of(iko.id()), now, 6);
        List<KnowledgeSummary> articles = knowledge.latest(iko.id(), 6);
        issue(iko, 1, now.minus(Duration.ofDays(90)), "Vi blir fler – nyhetsbrev nr 1",
                "Välkommen till första numret av nyhetsbrevet! Här berättar vi ungefär var sjätte vecka vad som är på "
                        + "gång i projektet och hos aktörerna.",
                coming.stream().limit(3).toList(), articles.stream().skip(3).limit(2).toList(),
                "Föreläsning: Att komma ny till Sverige", "Kalmar läns museum", "Torsdag kl. 18, museets hörsal");
        issue(iko, 2, now.minus(Duration.ofDays(45)), "Vi blir fler – nyhetsbrev nr 2",
                "Våren är full av utbildningar. Nytt i kunskapsbanken är bland annat en metod för dialogcaféer.",
                coming.stream().skip(3).limit(3).toList(), articles.stream().limit(3).toList(),
                "Öppet samtal om föreningslivet", "Rädda Barnen Västervik", "Lördag kl. 11, Västerviks bibliotek");
        for (String name : SUBSCRIBERS) {
            subscribers.save(Subscriber.confirmed(iko.id(), name + "@example.se", now.minus(Duration.ofDays(120))));
        }
        log.info("Demo newsletter loaded: IKO, two issues, {} subscribers", subscribers.countConfirmed(iko.id()));
    }

    private void issue(ProjectInfo iko, int number, Instant sentAt, String subject, String intro,
            List<ListedActivity> coming, List<KnowledgeSummary> articles, String externalTitle, String organiser,
            String when) {
        Issue issue = issues.save(new Issue(iko.id(), number, subject, intro, sentAt.minus(Duration.ofDays(1)),
                sentAt.plus(Duration.ofDays(41)), null));
        int position = 0;
        for (ListedActivity a : coming) {
            items.save(new IssueItem(issue.getId(), ItemKind.ACTIVITY, ++position, a.trackId(), a.id(), a.title(),
                    formats.date(a.firstStart()) + (a.place() == null ? "" : ", " + a.place()), null, null, a.path()));
        }
        items.save(new IssueItem(issue.getId(), ItemKind.EXTERNAL, 1, null, null, externalTitle, when, organiser,
                null, null));
        position = 0;
        for (KnowledgeSummary k : articles) {
            items.save(new IssueItem(issue.getId(), ItemKind.KNOWLEDGE, ++position, k.trackId(), k.id(), k.title(),
                    null, k.authors(), k.summary(), k.path()));
        }
        issue.markSentAt(sentAt, SUBSCRIBERS.size());
    }
}
