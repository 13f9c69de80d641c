package se.kompetensportal.timereporting;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An actor's contact person sees the confirmations of their own organisation's people, and nobody else's. */
class ActorTimeTest extends PortalIntegrationTest {

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
    AttendanceService attendance;
    @Autowired
    TimeJobs jobs;

    @Test
    void theContactPersonSeesOnlyTheirOwnOrganisationsMonths() throws Exception {
        TimeFixtures fixtures = new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users);
        HandComputedFixture f = new HandComputedFixture(fixtures, users, jdbc);
        jobs.scheduledConfirmations();
        String page = "/my-organisation/projects/" + f.iko + "/time";

        // Bo is employed by Kalmar kommun (the demo contact person's organisation); Anna by a free-text employer.
        mvc.perform(get(page).with(users.demo("kontakt"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Bo Testsson")))
                .andExpect(content().string(containsString("Skickad för bekräftelse")))
                .andExpect(content().string(not(containsString("Anna Testsson"))));

        long other = jdbc.queryForObject("""
                select pa.organisation_id from project_actor pa join organisation o on o.id = pa.organisation_id
                where pa.project_id = ? and o.name <> 'Kalmar kommun' order by o.id limit 1""", Long.class, f.iko);
        String otherContact = users.create(Set.of(Role.ACTOR_CONTACT), other, Set.of());
        mvc.perform(get(page).with(users.as(otherContact))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Bo Testsson"))));

        mvc.perform(get("/my-organisation/projects/" + f.lfi + "/time").with(users.demo("kontakt")))
                .andExpect(status().isNotFound());
        for (String demo : new String[] {"sekreterare", "deltagare", "styrgrupp"}) {
            mvc.perform(get(page).with(users.demo(demo))).andExpect(status().isForbidden());
        }
    }
}
