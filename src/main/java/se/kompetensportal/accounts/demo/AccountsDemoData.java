package se.kompetensportal.accounts.demo;

import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.domain.UserAccount;
import se.kompetensportal.accounts.domain.UserAccountRepository;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;

/**
 * One demo user per role, all with the password {@code kp.demo.password} (listed in the README). Only with demo data.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class AccountsDemoData implements ApplicationRunner {

    static final String DOMAIN = "@kompetensportal.example";

    private static final Logger log = LoggerFactory.getLogger(AccountsDemoData.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final ProjectsApi projects;
    private final String password;

    AccountsDemoData(UserAccountRepository users, PasswordEncoder passwords, ProjectsApi projects,
            @Value("${kp.demo.password}") String password) {
        this.users = users;
        this.passwords = passwords;
        this.projects = projects;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByEmail("admin" + DOMAIN)) {
            return;
        }
        ProjectInfo iko = projects.projectByFunderReference("2016/00175").orElseThrow();
        Set<Long> all = Set.copyOf(projects.projects().stream().map(ProjectInfo::id).toList());
        Long kalmar = projects.organisations().stream().filter(o -> o.name().equals("Kalmar kommun"))
                .map(OrganisationInfo::id).findFirst().orElseThrow();
        String hash = passwords.encode(password);
        user("admin", "Alva Administratör", hash, EnumSet.of(Role.ADMIN), null, Set.of());
        user("sekreterare", "Sara Sekreterare", hash, EnumSet.of(Role.SECRETARY), null, all);
        user("styrgrupp", "Stig Styrgrupp", hash, EnumSet.of(Role.STEERING), null, Set.of(iko.id()));
        user("kontakt", "Karin Kontaktperson", hash, EnumSet.of(Role.ACTOR_CONTACT), kalmar, Set.of());
        user("deltagare", "Dana Deltagare", hash, EnumSet.of(Role.PARTICIPANT), null, Set.of());
        user("sokande", "Sam Sökande", hash, EnumSet.of(Role.APPLICANT), null, Set.of());
        user("utbildare", "Sofia Wermelin", hash, EnumSet.of(Role.TRAINER), null, Set.of());
        log.info("Demo users loaded (see README): admin, sekreterare, styrgrupp, kontakt, deltagare, sokande, utbildare{}",
                DOMAIN);
    }

    private void user(String local, String name, String hash, Set<Role> roles, Long organisationId,
            Set<Long> projectIds) {
        UserAccount user = new UserAccount(local + DOMAIN, name);
        user.setPasswordHash(hash);
        user.setRoles(roles);
        user.setOrganisationId(organisationId);
        user.setProjectIds(projectIds);
        users.save(user);
    }
}
