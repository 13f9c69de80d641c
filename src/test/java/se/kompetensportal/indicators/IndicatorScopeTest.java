package se.kompetensportal.indicators;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The routes that name an indicator or a collaboration project by its id, which the services check against the acting
 * user the controller passes: a secretary of another project gets 403 on every one and changes nothing.
 */
class IndicatorScopeTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;

    IndicatorFixtures f;
    RequestPostProcessor secretary;
    RequestPostProcessor otherSecretary;

    @BeforeEach
    void project() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        f = new IndicatorFixtures(jdbc, today.minusDays(200), today.plusDays(200), 50);
        secretary = users.as(users.create(Set.of(Role.SECRETARY), null, Set.of(f.project)));
        otherSecretary = users.demo("sekreterare");
    }

    @Test
    void anotherProjectsSecretaryCannotReachAnIndicatorById() throws Exception {
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).param("nameSv", "Egen mätning")
                .param("kind", "MANUAL").param("comparison", "AT_LEAST").param("target", "3")
                .param("period", "WHOLE_PROJECT").param("version", "0").with(secretary).with(csrf()))
                .andExpect(status().isFound());
        long id = jdbc.queryForObject("select id from indicator where project_id = ?", Long.class, f.project);
        mvc.perform(post("/admin/indicators/" + id + "/values").param("value", "2")
                .param("measuredOn", f.start.plusDays(1).toString()).param("note", "")
                .with(secretary).with(csrf())).andExpect(status().isFound());
        long value = jdbc.queryForObject("select id from indicator_value where indicator_id = ?", Long.class, id);

        mvc.perform(get("/admin/indicators/" + id).with(otherSecretary)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/indicators/" + id).param("nameSv", "Ändrad").param("kind", "MANUAL")
                .param("comparison", "AT_LEAST").param("target", "9").param("period", "WHOLE_PROJECT")
                .param("version", "0").with(otherSecretary).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/indicators/" + id + "/published").param("published", "true")
                .with(otherSecretary).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/indicators/" + id + "/values").param("value", "5")
                .param("measuredOn", f.start.plusDays(2).toString()).param("note", "")
                .with(otherSecretary).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/indicators/" + id + "/values/" + value + "/delete")
                .with(otherSecretary).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/indicators/" + id + "/delete").with(otherSecretary).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select name_sv from indicator where id = ?", String.class, id))
                .isEqualTo("Egen mätning");
        assertThat(jdbc.queryForObject("select count(*) from indicator_value where indicator_id = ?",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void anotherProjectsSecretaryCannotChangeACollaborationProject() throws Exception {
        mvc.perform(post("/admin/collaboration-projects").param("projectId", "" + f.project)
                .param("title", "Samverkan " + f.shortName).param("status", "DEVELOPED")
                .param("developedOn", f.start.plusDays(1).toString())
                .param("partnerIds", "" + f.municipality, "" + f.nonProfit)
                .param("version", "0").with(secretary).with(csrf())).andExpect(status().isFound());
        long id = jdbc.queryForObject("select id from collaboration_project where project_id = ?", Long.class,
                f.project);

        mvc.perform(post("/admin/collaboration-projects/" + id).param("title", "Kapad").param("status", "DEVELOPED")
                .param("developedOn", f.start.plusDays(1).toString())
                .param("partnerIds", "" + f.municipality, "" + f.nonProfit)
                .param("version", "0").with(otherSecretary).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/collaboration-projects/" + id + "/delete").with(otherSecretary).with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForObject("select title from collaboration_project where id = ?", String.class, id))
                .isEqualTo("Samverkan " + f.shortName);
    }
}
