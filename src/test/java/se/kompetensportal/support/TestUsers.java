package se.kompetensportal.support;

import java.util.Set;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Signs MockMvc requests in as a real user of the database (the demo users, or users a test creates), because the
 * portal reloads the signed-in user from the database on every request.
 */
@TestComponent
public class TestUsers {

    public static final String DEMO_DOMAIN = "@kompetensportal.example";
    public static final String DEMO_PASSWORD = "Kompetens2026";

    private final AccountsApi accounts;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;

    TestUsers(AccountsApi accounts, JdbcTemplate jdbc, PasswordEncoder passwords, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.transactions = transactions;
    }

    /** The demo user of a role: admin, sekreterare, styrgrupp, kontakt, deltagare, sokande. */
    public RequestPostProcessor demo(String localPart) {
        return as(localPart + DEMO_DOMAIN);
    }

    public RequestPostProcessor as(String email) {
        return user(principal(email));
    }

    public PortalUser principal(String email) {
        UserSummary s = accounts.userByEmail(email).orElseThrow(() -> new IllegalArgumentException(email));
        return new PortalUser(s.id(), s.email(), s.displayName(), null, s.enabled(), s.roles(), s.organisationId(),
                s.projectIds());
    }

    /** Creates a user with a unique address, the given roles and scope, and the demo password. */
    public String create(Set<Role> roles, Long organisationId, Set<Long> projectIds) {
        String email = "test-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
        transactions.executeWithoutResult(status -> {
            Long id = jdbc.queryForObject("select nextval('app_user_seq')", Long.class);
            jdbc.update("insert into app_user (id, email, display_name, password_hash, organisation_id) values (?, ?, ?, ?, ?)",
                    id, email, "Test " + email, passwords.encode(DEMO_PASSWORD), organisationId);
            roles.forEach(r -> jdbc.update("insert into app_user_role (user_id, role) values (?, ?)", id, r.name()));
            projectIds.forEach(p -> jdbc.update("insert into app_user_project (user_id, project_id) values (?, ?)", id, p));
        });
        return email;
    }

    public long projectId(String funderReferenceOrShortName) {
        return jdbc.queryForObject("select id from project where funder_reference = ? or short_name = ? order by id limit 1",
                Long.class, funderReferenceOrShortName, funderReferenceOrShortName);
    }
}
