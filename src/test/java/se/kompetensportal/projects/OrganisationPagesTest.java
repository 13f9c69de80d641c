package se.kompetensportal.projects;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The organisation register: validated organisation numbers, unique names, contact persons. */
class OrganisationPagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWrongCheckDigitIsAFieldMessageAndNothingIsSaved() throws Exception {
        mvc.perform(post("/admin/organisations").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Felnummer förening").param("orgNumber", "802004-4419").param("kind", "NON_PROFIT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"orgNumber-error\"")))
                .andExpect(content().string(containsString("Ange ett giltigt organisationsnummer")));
        assertThat(jdbc.queryForObject("select count(*) from organisation where name = 'Felnummer förening'", Integer.class))
                .isZero();
    }

    @Test
    void aValidNumberIsStoredInItsCanonicalForm() throws Exception {
        mvc.perform(post("/admin/organisations").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Studieförbundet Test").param("orgNumber", "8020044411").param("kind", "NON_PROFIT")
                        .param("municipality", "Kalmar"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select org_number from organisation where name = 'Studieförbundet Test'", String.class))
                .isEqualTo("802004-4411");
    }

    @Test
    void namesAndNumbersAreUnique() throws Exception {
        mvc.perform(post("/admin/organisations").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "kalmar kommun").param("kind", "MUNICIPALITY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Det finns redan en organisation med det namnet.")));
        mvc.perform(post("/admin/organisations").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Kopia av Kalmar").param("orgNumber", "212000-0746").param("kind", "MUNICIPALITY"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Det finns redan en organisation med det organisationsnumret.")));
    }

    @Test
    void contactPersonsAreListedOnTheOrganisationPage() throws Exception {
        long id = jdbc.queryForObject("select id from organisation where name = 'Västerviks kommun'", Long.class);
        mvc.perform(post("/admin/organisations/" + id + "/contacts").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Vera Kontakt").param("email", "vera@example.se").param("phone", "0490-25 40 00"))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/organisations/" + id + "/contacts").with(users.demo("sekreterare")).with(csrf())
                        .param("name", "Fel Mejl").param("email", "inte-en-adress"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/admin/organisations/" + id).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Vera Kontakt")))
                .andExpect(content().string(containsString("IKO – Vi blir fler")));
    }

    @Test
    void searchFindsByNameNumberOrMunicipality() throws Exception {
        mvc.perform(get("/admin/organisations").param("q", "212000-0951").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Osby kommun")));
        mvc.perform(get("/admin/organisations").param("q", "göinge").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Östra Göinge kommun")));
    }
}
