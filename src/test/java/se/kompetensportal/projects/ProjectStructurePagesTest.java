package se.kompetensportal.projects;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Tracks, target groups, actors and unit costs of a project. */
class ProjectStructurePagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    long project;

    @BeforeEach
    void newProject() throws Exception {
        String shortName = "S" + System.nanoTime() % 100000;
        // Created by the secretary, who is thereby given access to it.
        var result = mvc.perform(post("/admin/projects").with(users.demo("sekreterare")).with(csrf())
                .param("name", "Struktur " + shortName).param("shortName", shortName).param("ownerOrganisation", "X")
                .param("startDate", "2026-01-01").param("endDate", "2026-12-31")).andReturn();
        project = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D", ""));
    }

    @Test
    void tracksAreAddedInOrderAndCanBeReordered() throws Exception {
        addTrack("Första");
        addTrack("Andra");
        addTrack("Tredje");
        assertThat(trackNames()).containsExactly("Första", "Andra", "Tredje");

        long tredje = jdbc.queryForObject("select id from track where project_id = ? and name = 'Tredje'", Long.class, project);
        mvc.perform(post("/admin/projects/" + project + "/tracks/" + tredje + "/move").param("direction", "up")
                .with(users.demo("sekreterare")).with(csrf())).andExpect(status().isFound());
        assertThat(trackNames()).containsExactly("Första", "Tredje", "Andra");
    }

    @Test
    void aTrackNameIsUniqueWithinItsProject() throws Exception {
        addTrack("Jämställdhet");
        mvc.perform(post("/admin/projects/" + project + "/tracks").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "jämställdhet"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Projektet har redan ett spår med det namnet.")));
    }

    @Test
    void aTrackCanBeRemoved() throws Exception {
        addTrack("Tillfälligt");
        long id = jdbc.queryForObject("select id from track where project_id = ? and name = 'Tillfälligt'", Long.class, project);
        mvc.perform(post("/admin/projects/" + project + "/tracks/" + id + "/delete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(trackNames()).isEmpty();
    }

    @Test
    void targetGroupCodesAreUniqueAndValidated() throws Exception {
        mvc.perform(post("/admin/projects/" + project + "/target-groups").with(users.demo("sekreterare")).with(csrf())
                .param("code", "1a").param("name", "Lång erfarenhet")).andExpect(status().isFound());
        mvc.perform(post("/admin/projects/" + project + "/target-groups").with(users.demo("sekreterare")).with(csrf())
                        .param("code", "1a").param("name", "Igen"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Projektet har redan en målgrupp med den koden.")));
        mvc.perform(post("/admin/projects/" + project + "/target-groups").with(users.demo("sekreterare")).with(csrf())
                        .param("code", "1 a!").param("name", "Fel kod"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Koden får bara innehålla")));
    }

    @Test
    void anOrganisationTakesPartInSeveralProjects() throws Exception {
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        mvc.perform(post("/admin/projects/" + project + "/actors").with(users.demo("sekreterare")).with(csrf())
                .param("organisationId", Long.toString(kalmar)).param("role", "PARTNER")).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from project_actor where organisation_id = ?", Integer.class, kalmar))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void unitCostsArePerYear() throws Exception {
        mvc.perform(post("/admin/projects/" + project + "/unit-costs").with(users.demo("sekreterare")).with(csrf())
                .param("year", "2026").param("hourlyRate", "310.50")).andExpect(status().isFound());
        mvc.perform(post("/admin/projects/" + project + "/unit-costs").with(users.demo("sekreterare")).with(csrf())
                .param("year", "2026").param("hourlyRate", "312")).andExpect(status().isFound());
        mvc.perform(post("/admin/projects/" + project + "/unit-costs").with(users.demo("sekreterare")).with(csrf())
                        .param("year", "1999").param("hourlyRate", "-1"))
                .andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForList("select hourly_rate from project_unit_cost where project_id = ?",
                java.math.BigDecimal.class, project)).extracting(java.math.BigDecimal::intValue).containsExactly(312);
    }

    private void addTrack(String name) throws Exception {
        mvc.perform(post("/admin/projects/" + project + "/tracks").with(users.demo("sekreterare")).with(csrf())
                .param("name", name)).andExpect(status().isFound());
    }

    private List<String> trackNames() {
        return jdbc.queryForList("select name from track where project_id = ? order by position", String.class, project);
    }
}
