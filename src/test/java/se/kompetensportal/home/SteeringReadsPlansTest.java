package se.kompetensportal.home;

import java.util.Set;

import org.junit.jupiter.api.Test;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The steering group reads every actor's plan and the collaboration register of its projects (issue 17), and changes
 * neither; another project's steering group gets 403; participants get 403.
 */
class SteeringReadsPlansTest extends PortalIntegrationTest {

    @Test
    void theSteeringGroupReadsTheActorPlansOfItsProject() throws Exception {
        long iko = users.projectId("2016/00175");
        mvc.perform(get("/admin/actor-plans").with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vi blir fler")));
        mvc.perform(get("/admin/actor-plans/" + iko).with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kalmar kommun")));
        String lfiSteering = users.create(Set.of(Role.STEERING), null, Set.of(users.projectId("LFI")));
        mvc.perform(get("/admin/actor-plans/" + iko).with(users.as(lfiSteering))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/actor-plans").with(users.demo("deltagare"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/actor-plans/" + iko).with(users.demo("styrgrupp")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theSteeringGroupReadsTheCollaborationRegisterWithoutTheForms() throws Exception {
        long iko = users.projectId("2016/00175");
        mvc.perform(get("/admin/collaboration-projects").param("projectId", String.valueOf(iko))
                        .with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Läxhjälp på biblioteket med Rädda Barnen")))
                .andExpect(content().string(not(containsString("Nytt samverkansprojekt"))))
                .andExpect(content().string(not(containsString("/admin/collaboration-projects/new"))));
        mvc.perform(get("/admin/collaboration-projects").param("projectId", String.valueOf(iko))
                        .with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nytt samverkansprojekt")));
        mvc.perform(get("/admin/collaboration-projects/new").param("projectId", String.valueOf(iko))
                .with(users.demo("styrgrupp"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/collaboration-projects").param("projectId", String.valueOf(iko))
                .with(users.demo("styrgrupp")).with(csrf())).andExpect(status().isForbidden());
        String lfiSteering = users.create(Set.of(Role.STEERING), null, Set.of(users.projectId("LFI")));
        mvc.perform(get("/admin/collaboration-projects").param("projectId", String.valueOf(iko))
                .with(users.as(lfiSteering))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/collaboration-projects").with(users.demo("deltagare"))).andExpect(status().isForbidden());
    }
}
