package se.kompetensportal.accounts;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Administrators create users, set roles and scope, deactivate them and reset passwords. */
class AdminUserPagesTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anAdministratorCreatesASecretaryForOneProject() throws Exception {
        long lfi = users.projectId("LFI");
        mvc.perform(post("/admin/users").with(users.demo("admin")).with(csrf())
                        .param("email", "Ny.Sekreterare@Osby.se").param("displayName", "Nina Ny")
                        .param("roles", "SECRETARY").param("projectIds", Long.toString(lfi)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select email from app_user where display_name = 'Nina Ny'", String.class))
                .isEqualTo("ny.sekreterare@osby.se");
        mvc.perform(get("/admin/projects").with(users.as("ny.sekreterare@osby.se")))
                .andExpect(content().string(containsString("Lärande för integration")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Vi blir fler"))));
        mvc.perform(get("/admin/users").param("q", "nina").with(users.demo("admin")))
                .andExpect(content().string(containsString("ny.sekreterare@osby.se")));
    }

    @Test
    void anActorContactNeedsAnOrganisation() throws Exception {
        mvc.perform(post("/admin/users").with(users.demo("admin")).with(csrf())
                        .param("email", "kontakt-utan-org@example.se").param("displayName", "Utan Org")
                        .param("roles", "ACTOR_CONTACT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj organisation för aktörens kontaktperson.")));
    }

    @Test
    void anEmailAddressBelongsToOneUserWhateverItsCase() throws Exception {
        mvc.perform(post("/admin/users").with(users.demo("admin")).with(csrf())
                        .param("email", "SEKRETERARE@kompetensportal.example").param("displayName", "Dubblett")
                        .param("roles", "PARTICIPANT"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Det finns redan en användare med den e-postadressen.")));
        mvc.perform(post("/admin/users").with(users.demo("admin")).with(csrf())
                        .param("email", "inga-roller@example.se").param("displayName", "Inga roller"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj minst ett alternativ.")));
    }

    @Test
    void deactivatingAndResettingAPassword() throws Exception {
        String email = users.create(Set.of(Role.STEERING), null, Set.of());
        long id = jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
        mvc.perform(post("/admin/users/" + id + "/deactivate").with(users.demo("admin")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, id)).isFalse();

        mvc.perform(post("/admin/users/" + id + "/password").with(users.demo("admin")).with(csrf())
                        .param("newPassword", "ett helt nytt lösen").param("confirmation", "ett annat lösen"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Lösenorden är inte lika.")));
        mvc.perform(post("/admin/users/" + id + "/password").with(users.demo("admin")).with(csrf())
                        .param("newPassword", "ett helt nytt lösen").param("confirmation", "ett helt nytt lösen"))
                .andExpect(status().isFound());
        String hash = jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, id);
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(passwords.matches("ett helt nytt lösen", hash)).isTrue();
    }

    @Test
    void administratorsCannotLockThemselvesOut() throws Exception {
        long admin = jdbc.queryForObject("select id from app_user where email = 'admin@kompetensportal.example'", Long.class);
        mvc.perform(post("/admin/users/" + admin + "/deactivate").with(users.demo("admin")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Du kan inte inaktivera ditt eget konto.")));
        long version = jdbc.queryForObject("select version from app_user where id = ?", Long.class, admin);
        mvc.perform(post("/admin/users/" + admin).with(users.demo("admin")).with(csrf())
                        .param("email", "admin@kompetensportal.example").param("displayName", "Alva")
                        .param("roles", "SECRETARY").param("version", Long.toString(version)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Du kan inte ta bort din egen administratörsroll.")));
    }

    @Test
    void anAdministratorCanSendALoginLink() throws Exception {
        String email = users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        long id = jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
        mvc.perform(post("/admin/users/" + id + "/login-link").with(users.demo("admin")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and sensitive",
                Integer.class, email)).isEqualTo(1);
    }

    @Test
    void aSecretaryWhoCreatesAProjectGetsAccessToIt() throws Exception {
        String email = users.create(Set.of(Role.SECRETARY), null, Set.of());
        var result = mvc.perform(post("/admin/projects").with(users.as(email)).with(csrf())
                        .param("name", "Eget projekt").param("shortName", "EGET").param("ownerOrganisation", "X")
                        .param("startDate", "2026-01-01").param("endDate", "2026-12-31"))
                .andExpect(status().isFound()).andReturn();
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(users.as(email))).andExpect(status().isOk());
    }
}
