package se.kompetensportal.actors;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A contact person sees their own organisation's people and plan and nothing of another organisation's: not on any
 * page, not by naming another project, not by the staff's addresses with another organisation's id.
 */
class ActorScopingTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ActorFixtures fixtures;
    long iko;
    long lfi;
    long ours;
    long theirs;
    String ourContact;
    String theirContact;

    @BeforeEach
    void twoOrganisations() throws Exception {
        fixtures = new ActorFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions), users);
        iko = fixtures.iko();
        lfi = users.projectId("LFI");
        ours = fixtures.organisation("Vår kommun", iko);
        theirs = fixtures.organisation("Deras förening", iko);
        ourContact = fixtures.contact(ours);
        theirContact = fixtures.contact(theirs);
        long activity = fixtures.pastActivity("Gemensam kurs", iko, 1);
        long session = fixtures.sessions(activity).getFirst();
        long anna = fixtures.person("Annaourperson", "Vårsson", ours);
        long bertil = fixtures.person("Bertiltheirperson", "Derasson", theirs);
        fixtures.attendance(session, fixtures.signUp(activity, anna, "CONFIRMED"), LocalDate.of(2026, 3, 4), 120, true);
        fixtures.attendance(session, fixtures.signUp(activity, bertil, "CONFIRMED"), LocalDate.of(2026, 3, 4), 120,
                true);
        // Their organisation files a plan with a document.
        mvc.perform(multipart("/my-organisation/projects/" + iko + "/plan")
                        .file(new MockMultipartFile("document", "deras-plan.pdf", "application/pdf", ActorFixtures.PDF))
                        .param("planText", "Derashemligplan text").with(users.as(theirContact)).with(csrf()))
                .andExpect(status().isFound());
    }

    @Test
    void eachContactSeesOnlyTheirOwnOrganisationsPeopleAndPlan() throws Exception {
        for (String page : List.of("participants", "hours", "plan")) {
            mvc.perform(get("/my-organisation/projects/" + iko + "/" + page).with(users.as(ourContact)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Bertiltheirperson"))))
                    .andExpect(content().string(not(containsString("Derashemligplan"))))
                    .andExpect(content().string(not(containsString("deras-plan.pdf"))));
            mvc.perform(get("/my-organisation/projects/" + iko + "/" + page).with(users.as(theirContact)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Annaourperson"))));
        }
        mvc.perform(get("/my-organisation/projects/" + iko + "/participants").with(users.as(ourContact)))
                .andExpect(content().string(containsString("Annaourperson")));
        mvc.perform(get("/my-organisation/projects/" + iko + "/participants").with(users.as(theirContact)))
                .andExpect(content().string(containsString("Bertiltheirperson")));
        mvc.perform(get("/my-organisation/projects/" + iko + "/hours.xlsx").with(users.as(ourContact)))
                .andExpect(status().isOk());
    }

    @Test
    void theDocumentAddressAlwaysMeansTheContactsOwnOrganisation() throws Exception {
        // Ours has filed nothing: there is no document for us, whatever the other organisation filed.
        mvc.perform(get("/my-organisation/projects/" + iko + "/plan/document").with(users.as(ourContact)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/my-organisation/projects/" + iko + "/plan/document").with(users.as(theirContact)))
                .andExpect(status().isOk());
        // The staff's address with the other organisation's id is not for contact persons.
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + theirs + "/document").with(users.as(ourContact)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + theirs).with(users.as(ourContact)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/actor-plans/" + iko).with(users.as(ourContact))).andExpect(status().isForbidden());
    }

    @Test
    void aProjectTheOrganisationIsNoActorOfDoesNotExistForItsContact() throws Exception {
        long outsider = fixtures.organisationWithoutProject("Utomstående");
        String outsiderContact = fixtures.contact(outsider);
        for (String page : List.of("participants", "hours", "hours.xlsx", "evaluations", "plan", "plan/document")) {
            mvc.perform(get("/my-organisation/projects/" + iko + "/" + page).with(users.as(outsiderContact)))
                    .andExpect(status().isNotFound());
            // Our organisation is an actor of IKO, not of LFI.
            mvc.perform(get("/my-organisation/projects/" + lfi + "/" + page).with(users.as(ourContact)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/my-organisation/projects/999999999/" + page).with(users.as(ourContact)))
                    .andExpect(status().isNotFound());
        }
        mvc.perform(multipart("/my-organisation/projects/" + lfi + "/plan").param("planText", "Inte vårt projekt")
                .with(users.as(ourContact)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/my-organisation").with(users.as(outsiderContact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("inte aktör i något projekt")));
    }

    @Test
    void aContactPersonWithoutAnOrganisationSeesNothing() throws Exception {
        String orphan = users.create(Set.of(Role.ACTOR_CONTACT), null, Set.of());
        mvc.perform(get("/my-organisation").with(users.as(orphan))).andExpect(status().isForbidden());
        mvc.perform(get("/my-organisation/projects/" + iko + "/participants").with(users.as(orphan)))
                .andExpect(status().isForbidden());
    }

    @Test
    void staffSeePlansOnlyOfTheProjectsTheyManage() throws Exception {
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(lfi));
        mvc.perform(get("/admin/actor-plans/" + iko).with(users.as(lfiSecretary))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + theirs).with(users.as(lfiSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + theirs + "/document").with(users.as(lfiSecretary)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/actor-plans").with(users.as(lfiSecretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lärande för integration")))
                .andExpect(content().string(not(containsString("Vi blir fler"))));
        String ikoSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(iko));
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + theirs + "/document").with(users.as(ikoSecretary)))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + ours).with(users.as(ikoSecretary)))
                .andExpect(status().isNotFound());
    }
}
