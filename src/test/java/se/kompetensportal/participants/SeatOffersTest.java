package se.kompetensportal.participants;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.CancelledBy;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Waiting-list offers: a freed seat held for the first waiting, accepted, declined or run out (the job), the pages. */
class SeatOffersTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    TestClock clock;
    @Autowired
    se.kompetensportal.participants.domain.OfferService offerService;

    ParticipantFixtures fixtures;
    long activity;
    long holder;
    long first;
    long second;

    @BeforeEach
    void fixtures() throws Exception {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
        activity = fixtures.activities().activity("Erbjudande " + System.nanoTime()).seats(1).save();
        mvc.perform(post("/admin/activities/" + activity + "/sign-up-settings").with(users.demo("sekreterare"))
                .with(csrf()).param("offers", "true").param("offerHours", "24")).andExpect(status().isFound());
        holder = signUp("Hanna");
        first = signUp("Filip");
        second = signUp("Sara");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFreedSeatIsHeldForTheFirstWaitingWhoTakesIt() throws Exception {
        seats.cancel(holder, CancelledBy.PARTICIPANT);
        assertThat(fixtures.status(first)).isEqualTo("WAITING");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        String token = token(first);
        assertThat(jdbc.queryForObject("select body_text from outbox_message where dedup_key = ?", String.class,
                "seat-offer:" + offerId(first))).contains("/offers/" + token).contains("står först på reservlistan");
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Erbjuden plats till")));
        // Someone new cannot take the held seat.
        long late = signUp("Sen");
        assertThat(fixtures.status(late)).isEqualTo("WAITING");

        mvc.perform(get("/offers/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ja, jag tar platsen")));
        mvc.perform(post("/offers/" + token + "/accept").with(csrf())).andExpect(status().isFound());
        assertThat(fixtures.status(first)).isEqualTo("CONFIRMED");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        mvc.perform(post("/offers/" + token + "/accept").with(csrf())).andExpect(status().isFound());
        mvc.perform(get("/offers/" + token)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har tackat ja")));
        mvc.perform(post("/offers/" + token + "/decline").with(csrf())).andExpect(status().isConflict());
    }

    @Test
    void aDeclinedOfferGoesToTheNext() throws Exception {
        seats.cancel(holder, CancelledBy.PARTICIPANT);
        mvc.perform(post("/offers/" + token(first) + "/decline").with(csrf())).andExpect(status().isFound());
        assertThat(fixtures.status(first)).isEqualTo("CANCELLED");
        assertThat(openOffer(second)).isTrue();
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
        mvc.perform(post("/offers/" + token(first) + "/accept").with(csrf())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("redan tackat nej")));
        // The last one declines too: nobody waits, so the seat is free again.
        mvc.perform(post("/offers/" + token(second) + "/decline").with(csrf())).andExpect(status().isFound());
        assertThat(fixtures.seatsTaken(activity)).isZero();
    }

    @Test
    void whenTheTimeRunsOutTheJobPassesTheSeatOnAndTheLateAcceptLosesWith409() throws Exception {
        seats.cancel(holder, CancelledBy.PARTICIPANT);
        String late = token(first);
        clock.advance(Duration.ofHours(23));
        offerJobs().scheduledExpiry();
        assertThat(openOffer(first)).isTrue();
        clock.advance(Duration.ofHours(2));
        offerJobs().scheduledExpiry();
        assertThat(openOffer(first)).isFalse();
        assertThat(openOffer(second)).isTrue();
        assertThat(fixtures.status(first)).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("select body_text from outbox_message where dedup_key = ?", String.class,
                "seat-offer-expired:" + offerId(first))).contains("nu sist").contains("Din plats på reservlistan: 2.");
        assertThat(jdbc.queryForObject("select waiting_since from sign_up where id = ?", Long.class, first))
                .isGreaterThan(jdbc.queryForObject("select waiting_since from sign_up where id = ?", Long.class, second));

        // Both try to take the seat at once: the one holding the open offer wins, the other gets 409.
        String current = token(second);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> tries = List.of(
                    () -> mvc.perform(post("/offers/" + late + "/accept").with(csrf())).andReturn().getResponse().getStatus(),
                    () -> mvc.perform(post("/offers/" + current + "/accept").with(csrf())).andReturn().getResponse().getStatus());
            List<Integer> statuses = pool.invokeAll(tries).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(statuses).containsExactly(409, 302);
        } finally {
            pool.shutdownNow();
        }
        mvc.perform(post("/offers/" + late + "/accept").with(csrf())).andExpect(status().isConflict())
                .andExpect(content().string(containsString("Tiden för erbjudandet har gått ut")));
        assertThat(fixtures.status(second)).isEqualTo("CONFIRMED");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);
    }

    @Test
    void linksThatCannotBeUsedAreExplained() throws Exception {
        mvc.perform(get("/offers/nonexistent")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Vi hittar inget erbjudande")));
        seats.cancel(holder, CancelledBy.PARTICIPANT);
        String token = token(first);
        jdbc.update("update activity set status = 'CANCELLED', cancel_reason = 'Sjuk', cancelled_at = now() where id = ?",
                activity);
        mvc.perform(post("/offers/" + token + "/accept").with(csrf())).andExpect(status().isGone());
        mvc.perform(post("/offers/" + token + "/accept")).andExpect(status().isForbidden());
    }

    @Test
    void withoutOffersTheSeatGoesAtOnceAndOnlyTheProjectsStaffChangeTheSetting() throws Exception {
        String settings = "/admin/activities/" + activity + "/sign-up-settings";
        mvc.perform(post(settings).with(users.demo("sekreterare")).with(csrf()).param("offerHours", "400")
                .param("offers", "true")).andExpect(status().isUnprocessableContent());
        mvc.perform(post(settings).with(users.demo("sekreterare")).with(csrf()).param("offerHours", "24"))
                .andExpect(status().isFound());
        seats.cancel(holder, CancelledBy.PARTICIPANT);
        assertThat(fixtures.status(first)).isEqualTo("CONFIRMED");

        String lfi = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(get(settings).with(users.as(lfi))).andExpect(status().isForbidden());
        mvc.perform(post(settings).with(users.as(lfi)).with(csrf()).param("offers", "true").param("offerHours", "2"))
                .andExpect(status().isForbidden());
        mvc.perform(get(settings).with(users.demo("deltagare"))).andExpect(status().isForbidden());
        mvc.perform(get(settings).with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
        mvc.perform(get(settings).with(users.demo("sekreterare"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select offer_hours from sign_up_settings where activity_id = ?", Integer.class,
                activity)).isNull();
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private OfferJobsHandle offerJobs() {
        return new OfferJobsHandle(context.getBean("offerJobs"));
    }

    /** The job's @Scheduled method, called as the scheduler calls it (through the proxy, with its lock). */
    private record OfferJobsHandle(Object bean) {
        void scheduledExpiry() throws Exception {
            bean.getClass().getMethod("scheduledExpiry").invoke(bean);
        }
    }

    private long signUp(String name) {
        return seats.signUp(activity, people.findById(fixtures.person(name, Gender.WOMAN)).orElseThrow(), null, null,
                true).signUpId();
    }

    private String token(long signUp) {
        return jdbc.queryForObject("select token from seat_offer where sign_up_id = ? order by id desc limit 1",
                String.class, signUp);
    }

    private long offerId(long signUp) {
        return jdbc.queryForObject("select id from seat_offer where sign_up_id = ? order by id desc limit 1",
                Long.class, signUp);
    }

    private boolean openOffer(long signUp) {
        return jdbc.queryForObject("select count(*) from seat_offer where sign_up_id = ? and status = 'OPEN'",
                Integer.class, signUp) == 1;
    }
}
