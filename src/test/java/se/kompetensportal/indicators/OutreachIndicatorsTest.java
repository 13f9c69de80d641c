package se.kompetensportal.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.indicators.domain.Comparison;
import se.kompetensportal.indicators.domain.Indicator;
import se.kompetensportal.indicators.domain.IndicatorCalculator;
import se.kompetensportal.indicators.domain.IndicatorForm;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.indicators.domain.IndicatorPeriod;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.knowledge.domain.KnowledgeForm;
import se.kompetensportal.knowledge.domain.KnowledgeItem;
import se.kompetensportal.knowledge.domain.KnowledgeItemRepository;
import se.kompetensportal.knowledge.domain.Licence;
import se.kompetensportal.newsletter.domain.Issue;
import se.kompetensportal.newsletter.domain.IssueRepository;
import se.kompetensportal.newsletter.domain.Subscriber;
import se.kompetensportal.newsletter.domain.SubscriberRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.OutreachFixtures;
import se.kompetensportal.support.OutreachFixtures.TestProject;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delmål 3 measured, not typed in: knowledge items published (all tracks or one), newsletters sent, and confirmed
 * subscribers at the period's end, computed from the knowledge and newsletter modules.
 */
class OutreachIndicatorsTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    IndicatorCalculator calculator;
    @Autowired
    ProjectsApi projects;
    @Autowired
    KnowledgeItemRepository knowledge;
    @Autowired
    IssueRepository issues;
    @Autowired
    SubscriberRepository subscribers;

    TestProject project;

    @BeforeEach
    void setUp() {
        project = new OutreachFixtures(jdbc, transactions).project("ESF_PLUS");
    }

    @Test
    void knowledgeItemsAreCountedWhenFirstPublishedPerTrackOrAll() {
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            item(project.trackIds().get(0), now.minusSeconds(3600), true);
            item(project.trackIds().get(0), now.minusSeconds(7200), true);
            item(project.trackIds().get(1), now.minusSeconds(3600), true);
            item(project.trackIds().get(1), now, false);
        });
        assertThat(value(IndicatorKind.KNOWLEDGE_ITEMS_PUBLISHED, null)).isEqualTo(3.0);
        assertThat(value(IndicatorKind.KNOWLEDGE_ITEMS_PUBLISHED, project.trackIds().get(0))).isEqualTo(2.0);
    }

    @Test
    void newslettersSentAndSubscribersAtThePeriodsEndAreCounted() {
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> {
            Issue sent = new Issue(project.id(), 1, "Ett", "", now.minusSeconds(100), now, null);
            sent.markSentAt(now.minusSeconds(60), 2);
            issues.save(sent);
            issues.save(new Issue(project.id(), 2, "Utkast", "", now, now.plusSeconds(100), null));
            subscribers.save(Subscriber.confirmed(project.id(), "a-" + project.slug() + "@example.se", now.minusSeconds(60)));
            subscribers.save(Subscriber.confirmed(project.id(), "b-" + project.slug() + "@example.se", now.minusSeconds(60)));
        });
        jdbc.update("update newsletter_subscriber set status = 'UNSUBSCRIBED', unsubscribed_at = now() where email = ?",
                "b-" + project.slug() + "@example.se");
        assertThat(value(IndicatorKind.NEWSLETTERS_SENT, null)).isEqualTo(1.0);
        assertThat(value(IndicatorKind.NEWSLETTER_SUBSCRIBERS, null)).isEqualTo(1.0);
    }

    private void item(long trackId, Instant published, boolean publish) {
        KnowledgeItem i = new KnowledgeItem(project.id(), null);
        i.apply(new KnowledgeForm(KnowledgeKind.METHOD, trackId, "Metod", "Kort.", "", "Anna", Licence.CC_BY_4_0,
                null, null, 0), published);
        if (publish) {
            i.publish(0L, published);
        }
        knowledge.save(i);
    }

    private Double value(IndicatorKind kind, Long trackId) {
        Indicator indicator = new Indicator(project.id(), 1);
        indicator.apply(new IndicatorForm("Test", null, null, null, kind, Comparison.AT_LEAST, BigDecimal.ONE, null,
                IndicatorPeriod.WHOLE_PROJECT, null, null, null, trackId, 0));
        org.springframework.test.util.ReflectionTestUtils.setField(indicator, "id", 99L);
        // The portal's day (Stockholm), as its figures count: between 23:00 and 24:00 UTC the machine's day is another.
        LocalDate today = LocalDate.now(Formats.ZONE);
        return calculator.compute(indicator, projects.project(project.id()).orElseThrow(), today, Locale.of("sv"))
                .current().actual();
    }
}
