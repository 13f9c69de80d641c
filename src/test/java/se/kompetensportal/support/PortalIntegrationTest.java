package se.kompetensportal.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Base of the tests that need the running portal: the whole application on a fresh embedded PostgreSQL with the demo
 * data, a real HTTP port (for the browser tests), MockMvc with the security filter chain, and GreenMail as the SMTP
 * server. All subclasses share one application context, so the portal starts once per test run; tests therefore create
 * their own data with unique names and never rely on counts of shared data. The scheduled jobs do not run on their own
 * (their schedules are off in the test profile): a test runs a job through its scheduled method, moving the
 * {@link TestClock} past the time the job looks for. The data source records each thread's statements for
 * {@link SqlStatements}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestUsers.class, TestClock.Configuration.class, SqlStatements.Configuration.class})
public abstract class PortalIntegrationTest {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected TestUsers users;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", TestMail::port);
    }
}
