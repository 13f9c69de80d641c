package se.kompetensportal.surveys;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import se.kompetensportal.indicators.IndicatorFixtures;
import se.kompetensportal.shared.security.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every route of mapping, follow-up and ad-hoc surveys, per role, and scoping to the user's projects. */
class SurveyRoutesSecurityTest extends SurveyKindsTestBase {

    record Setup(IndicatorFixtures f, long survey, String secretary, String steering, String otherSecretary,
            String otherSteering) {
    }

    private Setup setup() throws Exception {
        IndicatorFixtures f = ownProject();
        long survey = survey(f.project, "MAPPING", "Behörighet " + f.shortName);
        jdbc.update("update evaluation set identified = true where id = ?", survey);
        long iko = fixtures.activities().ikoId();
        return new Setup(f, survey, users.create(Set.of(Role.SECRETARY), null, Set.of(f.project)),
                users.create(Set.of(Role.STEERING), null, Set.of(f.project)),
                users.create(Set.of(Role.SECRETARY), null, Set.of(iko)),
                users.create(Set.of(Role.STEERING), null, Set.of(iko)));
    }

    @Test
    void theSurveyPagesAreForAdministratorsAndTheProjectsSecretaries() throws Exception {
        Setup s = setup();
        long id = s.survey();
        List<String> pages = List.of("/admin/surveys?projectId=" + s.f().project, "/admin/surveys/" + id,
                "/admin/surveys/" + id + "/recipients", "/admin/surveys/" + id + "/texts",
                "/admin/surveys/" + id + "/responses", "/admin/surveys/interest?projectId=" + s.f().project);
        for (String page : pages) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            for (String role : List.of("deltagare", "kontakt", "sokande", "styrgrupp")) {
                mvc.perform(get(page).with(users.demo(role))).andExpect(status().isForbidden());
            }
            mvc.perform(get(page).with(users.as(s.steering()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.as(s.otherSecretary()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.as(s.secretary()))).andExpect(status().isOk());
            mvc.perform(get(page).with(users.demo("admin"))).andExpect(status().isOk());
        }
        List<String> actions = List.of("/admin/surveys/" + id + "/send", "/admin/surveys/" + id + "/links",
                "/admin/surveys/" + id + "/settings", "/admin/surveys/" + id + "/questions",
                "/admin/surveys/" + id + "/texts", "/admin/surveys/" + id + "/texts/reset",
                "/admin/surveys/" + id + "/recipients/register", "/admin/surveys/" + id + "/recipients/list",
                "/admin/surveys/" + id + "/recipients/1/delete", "/admin/surveys/" + id + "/links/1/delete",
                "/admin/surveys/interest/1/delete?projectId=" + s.f().project);
        for (String action : actions) {
            mvc.perform(post(action).with(users.as(s.steering())).with(csrf())).andExpect(status().isForbidden());
            mvc.perform(post(action).with(users.as(s.otherSecretary())).with(csrf())
                    .param("version", "0").param("criterion", "ACTOR").param("chosen", "1"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(action).with(users.as(s.secretary()))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/surveys").param("projectId", String.valueOf(s.f().project)).param("kind", "MAPPING")
                .param("titleSv", "Intrång").with(users.as(s.otherSecretary())).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void resultsAndTheDemandViewAreAlsoForTheProjectsSteeringGroup() throws Exception {
        Setup s = setup();
        long id = s.survey();
        long project = s.f().project;
        for (String page : List.of("/admin/surveys/" + id + "/results", "/admin/surveys/" + id + "/results.xlsx",
                "/admin/surveys/" + id + "/results.pdf", "/admin/surveys/demand?projectId=" + project,
                "/admin/surveys/demand.xlsx?projectId=" + project, "/admin/surveys/demand.pdf?projectId=" + project)) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get(page).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("kontakt"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.demo("sokande"))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.as(s.otherSteering()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.as(s.otherSecretary()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(users.as(s.steering()))).andExpect(status().isOk());
            mvc.perform(get(page).with(users.as(s.secretary()))).andExpect(status().isOk());
            mvc.perform(get(page).with(users.demo("admin"))).andExpect(status().isOk());
        }
    }

    @Test
    void answeringAndRegisteringInterestNeedNoLogin() throws Exception {
        Setup s = setup();
        mvc.perform(get("/surveys/open/unknown-token")).andExpect(status().isNotFound());
        mvc.perform(post("/surveys/open/unknown-token").with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/surveys/open/unknown-token")).andExpect(status().isForbidden());
        mvc.perform(get("/interest?projectId=" + s.f().project)).andExpect(status().isOk());
        mvc.perform(get("/interest")).andExpect(status().isOk());
        mvc.perform(get("/interest/thanks")).andExpect(status().isOk());
        mvc.perform(post("/interest").param("projectId", String.valueOf(s.f().project))).andExpect(status().isForbidden());
        mvc.perform(get("/interest?projectId=999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/interest?activityId=abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/evaluations/thanks?open=true")).andExpect(status().isOk());
    }
}
