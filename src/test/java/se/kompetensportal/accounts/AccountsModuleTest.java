package se.kompetensportal.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.kompetensportal.projects.ProjectCreated;
import se.kompetensportal.support.ModuleTestData;
import se.kompetensportal.support.ModuleTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts module with projects and notifications: the creator of a project is given access to it in the same
 * transaction as the project ({@link ProjectCreated} is handled by a plain {@code @EventListener}).
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class AccountsModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleTestDatabase.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCreatorOfAProjectGetsAccessToIt(Scenario scenario) {
        long project = ModuleTestData.project(jdbc, "Kontomodulen").id();
        long user = jdbc.queryForObject("select nextval('app_user_seq')", Long.class);
        jdbc.update("insert into app_user (id, email, display_name) values (?, ?, 'Skaparen')", user,
                "skapare-" + user + "@example.se");

        scenario.publish(new ProjectCreated(project, user))
                .andWaitForStateChange(() -> jdbc.queryForList(
                        "select project_id from app_user_project where user_id = ?", Long.class, user),
                        ids -> !ids.isEmpty())
                .andVerify(ids -> assertThat(ids).containsExactly(project));
    }
}
