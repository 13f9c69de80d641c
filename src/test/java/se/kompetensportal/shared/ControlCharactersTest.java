package se.kompetensportal.shared;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A NUL byte (which PostgreSQL cannot store) or another control character, wherever it is sent: in a page's address it
 * is a bad request (400); in a form it is a message at the field in the user's language, with the text kept (without
 * the character); on the anonymous sign-in endpoints it is simply not part of what they read. Never a 5xx.
 */
class ControlCharactersTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void inAPageAddressItIsABadRequest() throws Exception {
        mvc.perform(get("/activities").param("q", "kurs\u0000")).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/users").param("q", "\u0000").with(users.demo("admin"))).andExpect(status().isBadRequest());
        mvc.perform(get("/activities").param("q", "kurs\tmed tab")).andExpect(status().isOk());
    }

    @Test
    void inAFormItIsAMessageAtTheFieldAndTheTextIsKept() throws Exception {
        String admin = users.create(Set.of(Role.ADMIN), null, Set.of());
        for (String language : new String[] {"sv", "en"}) {
            String page = mvc.perform(post("/admin/users").with(users.as(admin)).with(csrf()).param("lang", language)
                            .param("email", "ny-" + language + "@example.se").param("displayName", "Nils\u0000 Nul")
                            .param("roles", "PARTICIPANT"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            Document html = Jsoup.parse(page);
            assertThat(html.select("input[name=displayName]").val()).isEqualTo("Nils Nul");
            assertThat(html.select("#error-summary").text()).contains(language.equals("sv")
                    ? "osynligt styrtecken" : "invisible control character");
        }
        assertThat(jdbc.queryForObject("select count(*) from app_user where email like 'ny-__@example.se'",
                Integer.class)).isZero();
    }

    @Test
    void theAnonymousSignInEndpointsNeverFailOnIt() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("email", "sekreterare\u0000@kompetensportal.example")
                        .param("password", "fel\u0000"))
                .andExpect(status().isFound());
        mvc.perform(post("/login/link").with(csrf()).param("username", "nagon\u0000@example.se"))
                .andExpect(status().isFound());
        mvc.perform(post("/dialog-fund/sign-in").with(csrf()).param("name", "Nora\u0001").param("email", "n@x.example"))
                .andExpect(status().isUnprocessableContent());
    }
}
