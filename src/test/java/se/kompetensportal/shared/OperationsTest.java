package se.kompetensportal.shared;

import org.junit.jupiter.api.Test;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health and build information are public; the rest of actuator is not exposed. */
class OperationsTest extends PortalIntegrationTest {

    @Test
    void healthAndInfoArePublic() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/info")).andExpect(status().isOk())
                .andExpect(content().string(containsString("kompetensportalen")));
    }

    @Test
    void otherActuatorEndpointsAreClosed() throws Exception {
        mvc.perform(get("/actuator/env").with(users.demo("admin"))).andExpect(status().is4xxClientError());
        mvc.perform(get("/actuator/beans")).andExpect(status().is3xxRedirection());
    }
}
