package se.kompetensportal.newsletter;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.newsletter.domain.NewsletterJobs;
import se.kompetensportal.newsletter.domain.Subscriber;
import se.kompetensportal.newsletter.domain.SubscriberRepository;
import se.kompetensportal.notifications.domain.OutboxSender;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.OutreachFixtures;
import se.kompetensportal.support.OutreachFixtures.TestProject;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The secretary's newsletter: a draft filled with what opens in the next six weeks per track (never a cancelled
 * activity), edited, previewed and test-mailed, then sent through the outbox by the dispatch job with the
 * List-Unsubscribe headers, archived on the project page; drafts are the project's staff's alone; the reminder comes
 * six weeks after the last issue.
 */
class NewsletterIssueTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    SubscriberRepository subscribers;
    @Autowired
    NewsletterJobs jobs;
    @Autowired
    OutboxSender sender;

    TestProject project;
    ActivityFixtures activities;
    String secretary;

    @BeforeEach
    void setUp() {
        project = new OutreachFixtures(jdbc, transactions).project("ESF_PLUS");
        activities = new ActivityFixtures(activityRepository, projects, transactions);
        secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(project.id()));
    }

    @Test
    void aDraftListsWhatOpensInTheNextSixWeeksByTrackAndNeverACancelledActivity() throws Exception {
        String tag = project.shortName();
        activities.activity(tag + " snart spår ett").project(project.id()).track(1).startInDays(10).save();
        activities.activity(tag + " snart spår två").project(project.id()).track(2).startInDays(20).save();
        activities.activity(tag + " långt bort").project(project.id()).startInDays(80).save();
        activities.activity(tag + " inställd").project(project.id()).startInDays(12)
                .status(se.kompetensportal.activities.ActivityStatus.CANCELLED).save();
        long later = activities.activity(tag + " ställs in sedan").project(project.id()).startInDays(15).save();
        activities.activity(tag + " utkast").project(project.id()).startInDays(15)
                .status(se.kompetensportal.activities.ActivityStatus.DRAFT).save();

        long issue = createDraft();
        mvc.perform(get("/admin/newsletters/" + issue + "/preview").with(users.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " snart spår ett")))
                .andExpect(content().string(containsString(tag + " snart spår två")))
                .andExpect(content().string(containsString("1. Bemötande " + tag)))
                .andExpect(content().string(containsString("2. Samverkan " + tag)))
                .andExpect(content().string(containsString(tag + " ställs in sedan")))
                .andExpect(content().string(not(containsString(tag + " långt bort"))))
                .andExpect(content().string(not(containsString(tag + " inställd"))))
                .andExpect(content().string(not(containsString(tag + " utkast"))))
                .andExpect(content().string(containsString("Medfinansieras av Europeiska unionen")));

        // Cancelled after the draft was filled: it leaves the draft.
        mvc.perform(post("/admin/activities/" + later + "/cancel").with(csrf()).with(users.as(secretary))
                .param("reason", "Utbildaren är sjuk.")).andExpect(status().isFound());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from newsletter_item where issue_id = ? and ref_id = ?", Integer.class, issue,
                later) == 0);
        mvc.perform(get("/admin/newsletters/" + issue + "/preview").with(users.as(secretary)))
                .andExpect(content().string(not(containsString(tag + " ställs in sedan"))));
    }

    @Test
    void anIssueIsSentThroughTheOutboxWithAnUnsubscribeHeaderAndArchived() throws Exception {
        activities.activity(project.shortName() + " kurs").project(project.id()).startInDays(10).save();
        String a = "nb-a-" + project.shortName().toLowerCase() + "@example.se";
        String b = "nb-b-" + project.shortName().toLowerCase() + "@example.se";
        transactions.executeWithoutResult(tx -> {
            subscribers.save(Subscriber.confirmed(project.id(), a, java.time.Instant.now()));
            subscribers.save(Subscriber.confirmed(project.id(), b, java.time.Instant.now()));
        });
        long issue = createDraft();
        mvc.perform(post("/admin/newsletters/" + issue + "/text").with(csrf()).with(users.as(secretary))
                        .param("subject", "Nyheter i " + project.shortName())
                        .param("intro", "Hej! <script>alert(1)</script> Läs [mer](javascript:alert(1)).")
                        .param("version", "0"))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/newsletters/" + issue + "/external").with(csrf()).with(users.as(secretary))
                        .param("title", "Föreläsning på museet").param("organiser", "Länsmuseet")
                        .param("when", "12 mars kl. 18").param("url", "https://museum.example.se/"))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/newsletters/" + issue + "/external").with(csrf()).with(users.as(secretary))
                        .param("title", "").param("url", "javascript:alert(1)"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(post("/admin/newsletters/" + issue + "/test").with(csrf()).with(users.as(secretary)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select subject from outbox_message where recipient = ? and category = 'newsletter.test'",
                String.class, secretary)).isEqualTo("TEST: Nyheter i " + project.shortName());

        int version = jdbc.queryForObject("select version from newsletter_issue where id = ?", Integer.class, issue);
        mvc.perform(post("/admin/newsletters/" + issue + "/send").with(csrf()).with(users.as(secretary))
                .param("version", String.valueOf(version))).andExpect(status().isFound());
        mvc.perform(get("/admin/newsletters/" + issue + "/progress").with(users.as(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<progress")))
                .andExpect(content().string(containsString("0 av 2")));

        jobs.dispatchRun();

        assertThat(jdbc.queryForObject("select status from newsletter_issue where id = ?", String.class, issue))
                .isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where dedup_key like ?", Integer.class,
                "newsletter-issue:" + issue + ":%")).isEqualTo(2);
        mvc.perform(get("/admin/newsletters/" + issue + "/progress").with(users.as(secretary)))
                .andExpect(content().string(containsString("2 av 2")));

        sender.sendDue();
        MimeMessage mail = received(a);
        String unsubscribe = jdbc.queryForObject("select unsubscribe_token from newsletter_subscriber where email = ?",
                String.class, a);
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/newsletter/unsubscribe/" + unsubscribe + ">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String raw = new String(mail.getRawInputStream().readAllBytes());
        String body = jdbc.queryForObject("select body_html from outbox_message where recipient = ? and category = 'newsletter.issue'",
                String.class, a);
        assertThat(body).contains("/newsletter/unsubscribe/" + unsubscribe).contains("Föreläsning på museet")
                .doesNotContain("<script>").doesNotContain("javascript:").contains("eu-emblem.png");
        assertThat(raw).isNotEmpty();

        mvc.perform(get("/projects/" + project.slug() + "/newsletters/1")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nyheter i " + project.shortName())))
                .andExpect(content().string(not(containsString(unsubscribe))));
        mvc.perform(get("/projects/" + project.slug() + "/newsletters/2")).andExpect(status().isNotFound());
        mvc.perform(get("/projects/" + project.slug())).andExpect(status().isOk())
                .andExpect(content().string(containsString("/projects/" + project.slug() + "/newsletters/1")));
        // A sent issue is not edited any more.
        mvc.perform(post("/admin/newsletters/" + issue + "/text").with(csrf()).with(users.as(secretary))
                .param("subject", "Ändrad").param("intro", "").param("version", "99"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void draftsAreTheProjectStaffsAlone() throws Exception {
        long issue = createDraft();
        String other = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("2016/00175")));
        for (String path : List.of("/admin/newsletters/" + issue, "/admin/newsletters/" + issue + "/preview",
                "/admin/newsletters/" + issue + "/progress")) {
            mvc.perform(get(path).with(users.as(other))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isFound());
            mvc.perform(get(path).with(users.as(secretary))).andExpect(status().isOk());
            mvc.perform(get(path).with(users.demo("admin"))).andExpect(status().isOk());
        }
        mvc.perform(post("/admin/newsletters/" + issue + "/send").with(csrf()).with(users.as(other))
                .param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/newsletters").param("projectId", String.valueOf(project.id())).with(users.as(other)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/newsletters/999999999").with(users.as(secretary))).andExpect(status().isNotFound());
        // A second draft of the same project is refused.
        mvc.perform(post("/admin/newsletters/new").with(csrf()).with(users.as(secretary))
                .param("projectId", String.valueOf(project.id()))).andExpect(status().isUnprocessableContent());
    }

    @Test
    void theSecretaryIsRemindedSixWeeksAfterTheLastIssue() throws Exception {
        long issue = createDraft();
        int version = jdbc.queryForObject("select version from newsletter_issue where id = ?", Integer.class, issue);
        mvc.perform(post("/admin/newsletters/" + issue + "/send").with(csrf()).with(users.as(secretary))
                .param("version", String.valueOf(version))).andExpect(status().isFound());
        jobs.dispatchRun();
        jobs.reminderRun();
        assertThat(reminders()).as("not yet: sent today").isZero();

        jdbc.update("update newsletter_issue set sent_at = now() - interval '43 days' where id = ?", issue);
        jobs.reminderRun();
        jobs.reminderRun();
        assertThat(reminders()).as("once, however often the job runs").isEqualTo(1);
        mvc.perform(get("/admin/newsletters").param("projectId", String.valueOf(project.id())).with(users.as(secretary)))
                .andExpect(content().string(containsString("Det har gått sex veckor")));
    }

    private int reminders() {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and category = 'newsletter.reminder'",
                Integer.class, secretary);
    }

    private long createDraft() throws Exception {
        String location = mvc.perform(post("/admin/newsletters/new").with(csrf()).with(users.as(secretary))
                        .param("projectId", String.valueOf(project.id())))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/admin/newsletters/*"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private static MimeMessage received(String to) throws Exception {
        for (MimeMessage m : TestMail.server().getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                return m;
            }
        }
        throw new AssertionError("No mail to " + to);
    }
}
