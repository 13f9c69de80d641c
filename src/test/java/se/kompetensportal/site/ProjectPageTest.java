package se.kompetensportal.site;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.newsletter.domain.Subscriber;
import se.kompetensportal.newsletter.domain.SubscriberRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.OutreachFixtures;
import se.kompetensportal.support.OutreachFixtures.TestProject;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A project's public page: the EU emblem with the funder's statement at the top, purpose, period, funder reference,
 * tracks with their descriptions, actors, coming activities, the results the secretary chose to publish (aggregates,
 * never a group under five), knowledge items and past newsletters; an unknown address is 404. The anonymous start page
 * lists the projects and the next activities; signed-in users keep their start page.
 */
class ProjectPageTest extends PortalIntegrationTest {

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

    TestProject project;
    ActivityFixtures activities;

    @BeforeEach
    void setUp() {
        project = new OutreachFixtures(jdbc, transactions).project("ESF_PLUS");
        activities = new ActivityFixtures(activityRepository, projects, transactions);
    }

    @Test
    void theProjectPageShowsWhatTheFunderAsksAndWhatIsComing() throws Exception {
        activities.activity(project.shortName() + " kommande kurs").project(project.id()).startInDays(14).save();
        activities.activity(project.shortName() + " utkast").project(project.id()).startInDays(14)
                .status(se.kompetensportal.activities.ActivityStatus.DRAFT).save();
        mvc.perform(get("/projects/" + project.slug())).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"/img/eu-emblem.svg\"")))
                .andExpect(content().string(containsString("alt=\"Europeiska unionens flagga\"")))
                .andExpect(content().string(containsString("Medfinansieras av Europeiska unionen")))
                .andExpect(content().string(containsString("Spridningsprojekt")))
                .andExpect(content().string(containsString("Ett projekt för att pröva de publika sidorna.")))
                .andExpect(content().string(containsString("Bemötande " + project.shortName())))
                .andExpect(content().string(containsString("Spåret om samverkan.")))
                .andExpect(content().string(containsString(project.shortName() + " kommande kurs")))
                .andExpect(content().string(not(containsString(project.shortName() + " utkast"))))
                .andExpect(content().string(containsString("action=\"/newsletter/subscribe\"")));
        mvc.perform(get("/projects/finns-inte")).andExpect(status().isNotFound());
        mvc.perform(get("/projects/INTE_GILTIG")).andExpect(status().isNotFound());
    }

    @Test
    void theIkoPageCarriesThe2014To2020StatementAndItsActors() throws Exception {
        mvc.perform(get("/projects/iko")).andExpect(status().isOk())
                .andExpect(content().string(containsString("medfinansierat av Europeiska unionen genom Europeiska socialfonden")))
                .andExpect(content().string(containsString("2016/00175")))
                .andExpect(content().string(containsString("Kalmar kommun")))
                .andExpect(content().string(containsString("Tidigare nyhetsbrev")));
    }

    @Test
    void publishedResultsAreAggregatesAndSmallGroupsAreHidden() throws Exception {
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of(project.id()));
        long subscribersIndicator = indicator("NEWSLETTER_SUBSCRIBERS", "Prenumeranter " + project.shortName());
        long hours = indicator("PARTICIPANT_HOURS", "Timmar " + project.shortName());
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 3; i++) {
                subscribers.save(Subscriber.confirmed(project.id(), "sub" + i + "-" + project.slug() + "@example.se",
                        java.time.Instant.now().minusSeconds(3600)));
            }
        });
        mvc.perform(get("/projects/" + project.slug()))
                .andExpect(content().string(not(containsString("Prenumeranter " + project.shortName()))));
        mvc.perform(post("/admin/indicators/" + subscribersIndicator + "/published").with(csrf())
                .with(users.as(secretary)).param("published", "true")).andExpect(status().isFound());
        mvc.perform(post("/admin/indicators/" + hours + "/published").with(csrf())
                .with(users.as(secretary)).param("published", "true")).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/projects/" + project.slug()))
                .andExpect(content().string(containsString("Prenumeranter " + project.shortName())))
                .andExpect(content().string(containsString("färre än 5")))
                .andExpect(content().string(not(containsString("Timmar " + project.shortName()))));
        transactions.executeWithoutResult(tx -> {
            for (int i = 3; i < 6; i++) {
                subscribers.save(Subscriber.confirmed(project.id(), "sub" + i + "-" + project.slug() + "@example.se",
                        java.time.Instant.now().minusSeconds(3600)));
            }
        });
        mvc.perform(get("/projects/" + project.slug()))
                .andExpect(content().string(not(containsString("färre än 5"))))
                .andExpect(content().string(containsString("<td class=\"text-end\">6</td>")));
        // Another project's secretary may not choose what this project publishes.
        String other = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("2016/00175")));
        mvc.perform(post("/admin/indicators/" + subscribersIndicator + "/published").with(csrf())
                .with(users.as(other)).param("published", "false")).andExpect(status().isForbidden());
    }

    @Test
    void theAnonymousStartPageListsProjectsAndNextActivities() throws Exception {
        activities.activity(project.shortName() + " snart").project(project.id()).startInDays(1).save();
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/projects/" + project.slug() + "\"")))
                .andExpect(content().string(containsString("Nästa aktiviteter")))
                .andExpect(content().string(containsString("href=\"/projects/iko\"")));
        mvc.perform(get("/").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Nästa aktiviteter"))))
                .andExpect(content().string(containsString("href=\"/admin/projects\"")));
    }

    private long indicator(String kind, String name) {
        return transactions.execute(tx -> {
            Long id = jdbc.queryForObject("select nextval('indicator_seq')", Long.class);
            jdbc.update("""
                    insert into indicator (id, project_id, position, name_sv, kind, comparison, target, period)
                    values (?, ?, 1, ?, ?, 'AT_LEAST', ?, 'WHOLE_PROJECT')""", id, project.id(), name, kind,
                    BigDecimal.TEN);
            return id;
        });
    }
}
