package se.kompetensportal.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.newsletter.domain.NewsletterJobs;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.OutreachFixtures;
import se.kompetensportal.support.OutreachFixtures.TestProject;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Subscribing is double opt-in: the address counts only once the link in the confirmation mail is used (by the page's
 * button, not by opening the link), and the consent time is stored; a used link answers 410. Unsubscribing needs no
 * login, from the page or in one click from the mail program without a CSRF token. Signed-in users subscribe from their
 * own page. Unsubscribed addresses are erased by the nightly job after the set time.
 */
class NewsletterSubscriptionTest extends PortalIntegrationTest {

    private static final Pattern CONFIRM = Pattern.compile("/newsletter/confirm/([A-Za-z0-9_-]{43})");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    NewsletterJobs jobs;

    TestProject project;

    @BeforeEach
    void project() {
        project = new OutreachFixtures(jdbc, transactions).project("ESF_PLUS");
    }

    @Test
    void aSubscriptionCountsOnlyOnceConfirmedAndALinkWorksOnce() throws Exception {
        String email = unique();
        subscribe(email).andExpect(status().isFound())
                .andExpect(redirectedUrl("/newsletter/subscribe?project=" + project.id() + "&sent"));
        mvc.perform(get("/newsletter/subscribe").param("project", String.valueOf(project.id())).param("sent", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Titta i din inkorg")));
        assertThat(statusOf(email)).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select consent_at from newsletter_subscriber where email = ?", Instant.class,
                email)).isNull();

        String token = confirmToken(email);
        // Opening the link (a mail scanner does) asks, and changes nothing.
        mvc.perform(get("/newsletter/confirm/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ja, bekräfta prenumerationen")));
        assertThat(statusOf(email)).isEqualTo("PENDING");

        mvc.perform(post("/newsletter/confirm/" + token).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Du prenumererar nu på nyhetsbrevet")));
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select consent_at from newsletter_subscriber where email = ?", Instant.class,
                email)).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(Duration.ofMinutes(5)));

        mvc.perform(get("/newsletter/confirm/" + token)).andExpect(status().isGone());
        mvc.perform(post("/newsletter/confirm/" + token).with(csrf())).andExpect(status().isGone())
                .andExpect(content().string(containsString("redan använd")));
        mvc.perform(get("/newsletter/confirm/not-a-token")).andExpect(status().isNotFound());
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotTheAddressAlreadySubscribes() throws Exception {
        String email = unique();
        subscribe(email);
        mvc.perform(post("/newsletter/confirm/" + confirmToken(email)).with(csrf())).andExpect(status().isOk());
        int mails = mails(email);
        subscribe(email).andExpect(status().isFound())
                .andExpect(redirectedUrl("/newsletter/subscribe?project=" + project.id() + "&sent"));
        assertThat(mails(email)).as("no new mail to a confirmed subscriber").isEqualTo(mails);
    }

    @Test
    void badInputIsAnsweredOnTheFormWithWhatWasTyped() throws Exception {
        mvc.perform(post("/newsletter/subscribe").with(csrf()).param("projectId", String.valueOf(project.id()))
                        .param("email", "inte-en-adress"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"inte-en-adress\"")))
                .andExpect(content().string(containsString("Kryssa i att du vill få nyhetsbrevet")));
        mvc.perform(post("/newsletter/subscribe").with(csrf()).param("projectId", "99999999")
                        .param("email", unique()).param("consent", "true"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/newsletter/subscribe").with(csrf()).param("projectId", "abc")
                        .param("email", unique()).param("consent", "true"))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void unsubscribingNeedsNoLoginAndWorksInOneClickWithoutACsrfToken() throws Exception {
        String email = confirmed();
        String token = unsubscribeToken(email);
        mvc.perform(get("/newsletter/unsubscribe/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ja, avsluta prenumerationen")));
        assertThat(statusOf(email)).isEqualTo("CONFIRMED");

        // RFC 8058: the mail program posts List-Unsubscribe=One-Click, with no cookie and no CSRF token.
        mvc.perform(post("/newsletter/unsubscribe/" + token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(statusOf(email)).isEqualTo("UNSUBSCRIBED");
        mvc.perform(get("/newsletter/unsubscribe/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("redan avslutad")));
        mvc.perform(get("/newsletter/unsubscribe/" + "x".repeat(43))).andExpect(status().isNotFound());
        // Other POSTs still need their token.
        mvc.perform(post("/newsletter/confirm/" + "x".repeat(43))).andExpect(status().isForbidden());
    }

    @Test
    void theRetentionJobErasesAddressesUnsubscribedLongerThanTheSetTime() throws Exception {
        String old = confirmed();
        String recent = confirmed();
        mvc.perform(post("/newsletter/unsubscribe/" + unsubscribeToken(old))).andExpect(status().isOk());
        mvc.perform(post("/newsletter/unsubscribe/" + unsubscribeToken(recent))).andExpect(status().isOk());
        jdbc.update("update newsletter_subscriber set unsubscribed_at = now() - interval '31 days' where email = ?", old);
        long oldId = jdbc.queryForObject("select id from newsletter_subscriber where email = ?", Long.class, old);

        jobs.retentionRun();

        Map<String, Object> erased = jdbc.queryForMap("select * from newsletter_subscriber where id = ?", oldId);
        assertThat(erased.get("email")).isNull();
        assertThat(erased.get("unsubscribe_token")).isNull();
        assertThat(erased.get("erased_at")).isNotNull();
        assertThat(erased.get("consent_at")).as("the dates stay, for the indicator").isNotNull();
        assertThat(statusOf(recent)).as("a recent one is kept").isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void theRetentionJobDeletesRequestsNeverConfirmed() throws Exception {
        String email = unique();
        subscribe(email);
        jdbc.update("update newsletter_subscriber set confirm_expires_at = now() - interval '1 minute' where email = ?",
                email);
        jobs.retentionRun();
        assertThat(jdbc.queryForObject("select count(*) from newsletter_subscriber where email = ?", Integer.class,
                email)).isZero();
    }

    @Test
    void aSignedInUserSubscribesFromTheirOwnPageAtOnce() throws Exception {
        String user = users.create(java.util.Set.of(Role.PARTICIPANT), null, java.util.Set.of());
        mvc.perform(get("/my/newsletters").with(users.as(user))).andExpect(status().isOk())
                .andExpect(content().string(containsString(project.shortName())));
        mvc.perform(post("/my/newsletters/" + project.id() + "/subscribe").with(csrf()).with(users.as(user)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/my/newsletters"));
        assertThat(statusOf(user)).isEqualTo("CONFIRMED");
        assertThat(jdbc.queryForObject("select source from newsletter_subscriber where email = ?", String.class, user))
                .isEqualTo("PROFILE");
        mvc.perform(post("/my/newsletters/" + project.id() + "/unsubscribe").with(csrf()).with(users.as(user)))
                .andExpect(status().isFound());
        assertThat(statusOf(user)).isEqualTo("UNSUBSCRIBED");
        mvc.perform(get("/my/newsletters")).andExpect(status().isFound());
        mvc.perform(get("/my/data").with(users.demo("deltagare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/my/newsletters\"")));
    }

    @Test
    void theSubscribePageOfAnUnknownProjectIs404() throws Exception {
        mvc.perform(get("/newsletter/subscribe").param("project", "99999999")).andExpect(status().isNotFound());
        mvc.perform(get("/newsletter/subscribe").param("project", "x")).andExpect(status().isBadRequest());
        mvc.perform(get("/newsletter/subscribe").param("project", String.valueOf(project.id())))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("Titta i din inkorg"))));
    }

    String confirmed() throws Exception {
        String email = unique();
        subscribe(email);
        mvc.perform(post("/newsletter/confirm/" + confirmToken(email)).with(csrf())).andExpect(status().isOk());
        return email;
    }

    org.springframework.test.web.servlet.ResultActions subscribe(String email) throws Exception {
        return mvc.perform(post("/newsletter/subscribe").with(csrf()).param("projectId", String.valueOf(project.id()))
                .param("email", email).param("consent", "true"));
    }

    String confirmToken(String email) {
        String body = jdbc.queryForObject("""
                select body_text from outbox_message where recipient = ? and category = 'newsletter.confirm'
                order by id desc limit 1""", String.class, email);
        Matcher m = CONFIRM.matcher(body);
        assertThat(m.find()).as("confirmation link in " + body).isTrue();
        return m.group(1);
    }

    String unsubscribeToken(String email) {
        return jdbc.queryForObject("select unsubscribe_token from newsletter_subscriber where email = ?", String.class,
                email);
    }

    String statusOf(String email) {
        return jdbc.queryForObject("select status from newsletter_subscriber where lower(email) = lower(?)",
                String.class, email);
    }

    int mails(String email) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ?", Integer.class, email);
    }

    static String unique() {
        return "nb-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
    }
}
