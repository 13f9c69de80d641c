package se.kompetensportal.shared;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.HttpSession;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When no database connection can be had (every connection of the pool in use), a request is answered 503 with a page
 * that says the portal is busy and to try again, and a Retry-After header: not a 500, and nothing is half done, so
 * sending the same form again once the rush is over works.
 */
class DatabaseBusyHttpTest extends PortalIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSignUpWithoutAFreeConnectionIsAnsweredBusyAndCanBeSentAgain() throws Exception {
        ParticipantFixtures fixtures = new ParticipantFixtures(jdbc,
                new ActivityFixtures(activityRepository, projects, transactions));
        long activity = fixtures.activities().activity("Rusning utan anslutning " + System.nanoTime()).save();
        String email = users.create(java.util.Set.of(Role.PARTICIPANT), null, java.util.Set.of());
        jdbc.update("update app_user set password_hash = '{noop}Busy-test-1' where email = ?", email);
        HttpSession browser = new HttpSession(port);
        assertThat(browser.login(email, "Busy-test-1").statusCode()).isEqualTo(302);
        String form = "/activities/" + activity + "/sign-up";
        Matcher csrf = CSRF.matcher(browser.get(form).body());
        assertThat(csrf.find()).isTrue();
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        Map<String, String> fields = new LinkedHashMap<>(Map.of("firstName", "Upptagen", "lastName", "Deltagare",
                "gender", "WOMAN", "employerOrganisationId", Long.toString(kalmar),
                "personalId", ParticipantFixtures.personalId(), "_csrf", csrf.group(1)));

        HttpResponse<String> busy;
        HttpResponse<String> busyAnonymous;
        List<Connection> taken = takeEveryConnection();
        try {
            busy = browser.postRaw(form, fields);
            busyAnonymous = new HttpSession(port).get("/activities/" + activity + "?lang=en");
        } finally {
            for (Connection c : taken) {
                c.close();
            }
        }

        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(busy.body()).contains("Portalen är hårt belastad just nu").contains("skicka det igen")
                .doesNotContain("Exception");
        assertThat(busyAnonymous.statusCode()).isEqualTo(503);
        assertThat(busyAnonymous.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(busyAnonymous.body()).contains("The portal is very busy right now");
        assertThat(fixtures.count(activity, "CONFIRMED")).as("nothing done while busy").isZero();

        HttpResponse<String> again = browser.postRaw(form, fields);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(1);
    }

    private List<Connection> takeEveryConnection() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        while (taken.size() < pool.getMaximumPoolSize()) {
            taken.add(pool.getConnection());
        }
        return taken;
    }
}
