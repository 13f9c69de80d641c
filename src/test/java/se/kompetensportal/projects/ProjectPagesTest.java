package se.kompetensportal.projects;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Creating, editing and scoping projects as the secretary meets them. */
class ProjectPagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSecretaryCreatesAProjectAndMayThenManageIt() throws Exception {
        String secretary = users.create(Set.of(Role.SECRETARY), null, Set.of());
        MvcResult created = mvc.perform(post("/admin/projects").with(users.as(secretary)).with(csrf())
                        .param("name", "Nytt testprojekt").param("shortName", "NTP")
                        .param("funderReference", "2026/00042").param("ownerOrganisation", "Testkommun")
                        .param("startDate", "2026-01-01").param("endDate", "2027-12-31")
                        .param("plannedParticipants", "100").param("totalBudget", "1000000")
                        .param("esfSupport", "400000").param("coFinancingRate", "60"))
                .andExpect(status().isFound()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/admin/projects/\\d+");

        mvc.perform(get(location).with(users.as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("NTP – Nytt testprojekt")))
                .andExpect(content().string(containsString("2026/00042")));
        mvc.perform(get("/admin/projects").with(users.as(secretary)))
                .andExpect(content().string(containsString("Nytt testprojekt")))
                .andExpect(content().string(not(containsString("Lärande för integration"))));
    }

    @Test
    void anEndDateBeforeTheStartDateIsAFieldErrorNotAServerError() throws Exception {
        mvc.perform(post("/admin/projects").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Baklänges").param("shortName", "BAK").param("ownerOrganisation", "X")
                        .param("startDate", "2026-05-01").param("endDate", "2026-04-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Slutdatum kan inte vara före startdatum.")))
                .andExpect(content().string(containsString("id=\"endDate-error\"")));
        assertThat(jdbc.queryForObject("select count(*) from project where short_name = 'BAK'", Integer.class)).isZero();
    }

    @Test
    void malformedInputGivesFieldMessagesInTheUsersLanguage() throws Exception {
        mvc.perform(post("/admin/projects").with(users.demo("sekreterare")).with(csrf())
                        .param("lang", "en")
                        .param("name", "").param("shortName", "X").param("ownerOrganisation", "X")
                        .param("funderReference", "abc").param("startDate", "2026-01-01").param("endDate", "2026-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("This field is required.")))
                .andExpect(content().string(containsString("Enter the reference number as YYYY/NNNNN")));
        mvc.perform(post("/admin/projects").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Datumfel").param("shortName", "X").param("ownerOrganisation", "X")
                        .param("startDate", "inte-ett-datum").param("endDate", "2026-01-01"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange ett datum som ÅÅÅÅ-MM-DD.")))
                .andExpect(content().string(containsString("value=\"inte-ett-datum\"")));
    }

    @Test
    void esfSupportAboveTheBudgetIsRejectedOnItsField() throws Exception {
        mvc.perform(post("/admin/projects").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Dyrt").param("shortName", "DYR").param("ownerOrganisation", "X")
                        .param("startDate", "2026-01-01").param("endDate", "2026-12-31")
                        .param("totalBudget", "100").param("esfSupport", "200"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"esfSupport-error\"")))
                .andExpect(content().string(containsString("ESF-stödet kan inte vara större än den totala budgeten.")));
    }

    @Test
    void aSecretaryCannotOpenAProjectTheyAreNotAssignedTo() throws Exception {
        long lfi = users.projectId("LFI");
        String ikoOnly = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("2016/00175")));
        mvc.perform(get("/admin/projects/" + lfi).with(users.as(ikoOnly))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/projects/" + lfi + "/tracks/new").with(users.as(ikoOnly))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/projects/" + lfi + "/tracks").with(users.as(ikoOnly)).with(csrf()).param("name", "Intrång"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from track where name = 'Intrång'", Integer.class)).isZero();
    }

    @Test
    void twoSecretariesSavingTheSameProjectGetAnExplained409() throws Exception {
        long id = createProject("KRO");
        long version = jdbc.queryForObject("select version from project where id = ?", Long.class, id);
        var first = post("/admin/projects/" + id).with(users.demo("admin")).with(csrf())
                .param("name", "Först").param("shortName", "KRO").param("ownerOrganisation", "X")
                .param("startDate", "2026-01-01").param("endDate", "2026-12-31").param("version", Long.toString(version));
        mvc.perform(first).andExpect(status().isFound());
        mvc.perform(post("/admin/projects/" + id).with(users.demo("admin")).with(csrf())
                        .param("name", "Sist").param("shortName", "KRO").param("ownerOrganisation", "X")
                        .param("startDate", "2026-01-01").param("endDate", "2026-12-31").param("version", Long.toString(version)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan hann före")));
        assertThat(jdbc.queryForObject("select name from project where id = ?", String.class, id)).isEqualTo("Först");
    }

    @Test
    void aProjectThatDoesNotExistIsA404Page() throws Exception {
        mvc.perform(get("/admin/projects/999999999").with(users.demo("admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/projects/abc").with(users.demo("admin")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/projects").with(users.demo("admin")).param("name", "Utan token"))
                .andExpect(status().isForbidden());
    }

    long createProject(String shortName) throws Exception {
        MvcResult result = mvc.perform(post("/admin/projects").with(users.demo("admin")).with(csrf())
                        .param("name", "Projekt " + shortName).param("shortName", shortName).param("ownerOrganisation", "X")
                        .param("startDate", "2026-01-01").param("endDate", "2026-12-31"))
                .andExpect(status().isFound()).andReturn();
        return Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
    }
}
