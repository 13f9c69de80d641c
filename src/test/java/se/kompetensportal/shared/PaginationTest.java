package se.kompetensportal.shared;

import java.util.Set;

import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A listing longer than one page renders its page links (the first and a later page). */
class PaginationTest extends PortalIntegrationTest {

    @Test
    void aSecondPageHasLinksBackAndForth() throws Exception {
        for (int i = 0; i < 26; i++) {
            users.create(Set.of(Role.PARTICIPANT), null, Set.of());
        }
        mvc.perform(get("/admin/users").with(users.demo("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("rel=\"next\"")))
                .andExpect(content().string(containsString("href=\"/admin/users?page=1\"")));
        mvc.perform(get("/admin/users").param("page", "1").with(users.demo("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("rel=\"prev\"")))
                .andExpect(content().string(containsString("aria-current=\"page\"")));
    }
}
