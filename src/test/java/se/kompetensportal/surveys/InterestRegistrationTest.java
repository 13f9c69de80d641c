package se.kompetensportal.surveys;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.indicators.IndicatorFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Interest registration by a visitor or participant: in a track or target group, or in the next run of a full activity;
 * one mail when a matching activity is published (listening to {@code ActivityPublished}), then the address is erased.
 */
class InterestRegistrationTest extends SurveyKindsTestBase {

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger();

    private MockHttpServletRequestBuilder register(long projectId, Map<String, String> fields) {
        // Each from an address of its own: registrations are limited per client address.
        String address = "10.16." + ADDRESSES.incrementAndGet() % 250 + "." + (1 + ADDRESSES.get() / 250 % 250);
        MockHttpServletRequestBuilder request = post("/interest").with(csrf()).param("projectId", String.valueOf(projectId))
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
        fields.forEach(request::param);
        return request;
    }

    private int mailsTo(String email) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and category = 'surveys.interest'",
                Integer.class, email);
    }

    @Test
    void aVisitorRegistersInterestInATrackAndGetsOneMailWhenAMatchingActivityIsPublished() throws Exception {
        IndicatorFixtures f = ownProject();
        String email = "intresse-" + f.shortName + "@example.se";
        mvc.perform(get("/interest?projectId=" + f.project)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Spår ett")))
                .andExpect(content().string(containsString(f.municipalityName)));
        mvc.perform(register(f.project, Map.of("name", "Ida Intresse", "email", email)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj ett spår eller en målgrupp.")));
        mvc.perform(register(f.project, Map.of("name", "Ida", "email", "inte-en-adress", "trackId", String.valueOf(f.track1))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange en giltig e-postadress")))
                .andExpect(content().string(containsString("value=\"Ida\"")));
        mvc.perform(register(f.project, Map.of("name", "Ida", "email", email, "trackId",
                String.valueOf(fixtures.activities().trackId(fixtures.activities().ikoId(), 1)))))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(register(f.project, Map.of("name", "Ida Intresse", "email", email, "trackId", String.valueOf(f.track1),
                        "organisationId", String.valueOf(f.municipality))))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/interest/thanks"));
        // The same again changes nothing.
        mvc.perform(register(f.project, Map.of("name", "Ida Intresse", "email", email.toUpperCase(), "trackId",
                String.valueOf(f.track1)))).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from interest_registration where project_id = ?", Integer.class,
                f.project)).isEqualTo(1);
        mvc.perform(get("/admin/surveys/interest?projectId=" + f.project).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString(email)));

        // An activity in the other track does not match; one in track one does, once.
        long otherTrack = fixtures.activities().activity("Spår två-kurs " + f.shortName).project(f.project).track(2)
                .groups("A").status(ActivityStatus.DRAFT).save();
        long match = fixtures.activities().activity("Spår ett-kurs " + f.shortName).project(f.project).track(1)
                .groups("A").status(ActivityStatus.DRAFT).save();
        long second = fixtures.activities().activity("Spår ett igen " + f.shortName).project(f.project).track(1)
                .groups("B").status(ActivityStatus.DRAFT).save();
        mvc.perform(post("/admin/activities/" + otherTrack + "/publish").with(admin()).with(csrf())).andExpect(status().isFound());
        mvc.perform(post("/admin/activities/" + match + "/publish").with(admin()).with(csrf())).andExpect(status().isFound());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email) == 1);
        Map<String, Object> mail = jdbc.queryForMap("select subject, body_text from outbox_message where recipient = ? "
                + "and category = 'surveys.interest'", email);
        assertThat(mail.get("subject")).isEqualTo("Nu kan du anmäla dig: Spår ett-kurs " + f.shortName);
        assertThat((String) mail.get("body_text")).startsWith("Hej Ida Intresse!").contains("/activities/" + match);
        Map<String, Object> row = jdbc.queryForMap("select * from interest_registration where project_id = ?", f.project);
        assertThat(row.get("name")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("erased")).isEqualTo(true);
        assertThat(row.get("notified_activity_id")).isEqualTo(match);
        mvc.perform(post("/admin/activities/" + second + "/publish").with(admin()).with(csrf())).andExpect(status().isFound());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from event_publication where completion_date is null
                and serialized_event like '%' || ? || '%'""", Integer.class, String.valueOf(second)) == 0);
        assertThat(mailsTo(email)).isEqualTo(1);
    }

    @Test
    void theNextRunOfAFullActivityIsAnnouncedWhenAnActivityWithTheSameTitleIsPublished() throws Exception {
        IndicatorFixtures f = ownProject();
        String title = "Populär kurs " + f.shortName;
        long full = fixtures.activities().activity(title).project(f.project).groups("A").seats(2).seatsTaken(2).save();
        long open = fixtures.activities().activity("Öppen kurs " + f.shortName).project(f.project).groups("A").seats(20).save();
        String email = "nasta-" + f.shortName + "@example.se";
        String path = jdbc.queryForObject("select id from activity where id = ?", Long.class, full) + "";
        mvc.perform(get(mvc.perform(get("/activities/" + path)).andReturn().getResponse().getRedirectedUrl()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/interest?activityId=" + full)));
        mvc.perform(get("/interest?activityId=" + full)).andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));
        // An activity with free seats is for signing up, not for interest.
        mvc.perform(get("/interest?activityId=" + open)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Anmäl dig i stället")));
        mvc.perform(register(f.project, Map.of("activityId", String.valueOf(open), "name", "Nils", "email", email)))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(register(f.project, Map.of("activityId", String.valueOf(full), "name", "Nils Nästa", "email", email))
                .with(users.demo("deltagare"))).andExpect(status().isFound());
        long next = fixtures.activities().activity(title).project(f.project).groups("A").startInDays(90)
                .status(ActivityStatus.DRAFT).save();
        mvc.perform(post("/admin/activities/" + next + "/publish").with(admin()).with(csrf())).andExpect(status().isFound());
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(email) == 1);
        assertThat(jdbc.queryForObject("select notified_activity_id from interest_registration where project_id = ?",
                Long.class, f.project)).isEqualTo(next);
        // The staff's list shows the registration without name or address now, and it counts in the demand view.
        mvc.perform(get("/admin/surveys/interest?projectId=" + f.project).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("(raderad)")));
        mvc.perform(get("/admin/surveys/demand?projectId=" + f.project).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"interest-total\">1<")));
    }

    @Test
    void aSignedInParticipantFindsTheirNameFilledInAndStaffCanRemoveARegistration() throws Exception {
        IndicatorFixtures f = ownProject();
        mvc.perform(get("/interest?projectId=" + f.project).with(users.demo("deltagare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"deltagare@kompetensportal.example\"")));
        mvc.perform(register(f.project, Map.of("name", "Del Tagare", "email", "deltagare@kompetensportal.example",
                "targetGroupId", String.valueOf(f.groupA))).with(users.demo("deltagare"))).andExpect(status().isFound());
        long id = jdbc.queryForObject("select id from interest_registration where project_id = ?", Long.class, f.project);
        String otherSecretary = users.create(java.util.Set.of(se.kompetensportal.shared.security.Role.SECRETARY), null,
                java.util.Set.of(fixtures.activities().ikoId()));
        mvc.perform(get("/admin/surveys/interest?projectId=" + f.project).with(users.as(otherSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/surveys/interest/" + id + "/delete").param("projectId", String.valueOf(f.project))
                .with(users.as(otherSecretary)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/surveys/interest/" + id + "/delete").param("projectId", String.valueOf(f.project))
                .with(admin()).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from interest_registration where project_id = ?", Integer.class,
                f.project)).isZero();
    }
}
