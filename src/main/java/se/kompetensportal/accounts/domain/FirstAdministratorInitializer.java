package se.kompetensportal.accounts.domain;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.Role;

/**
 * A new installation gets its first administrator from {@code KP_ADMIN_EMAIL}/{@code KP_ADMIN_PASSWORD}. There are no
 * default credentials: without them, and without demo data, an empty database stops the start with an explanation.
 */
@Component
@Order(0)
class FirstAdministratorInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministratorInitializer.class);

    private final UserAccountRepository users;
    private final PasswordEncoder passwords;
    private final AdministratorProperties administrator;
    private final boolean demo;

    FirstAdministratorInitializer(UserAccountRepository users, PasswordEncoder passwords,
            AdministratorProperties administrator, @Value("${kp.demo.enabled:false}") boolean demo) {
        this.users = users;
        this.passwords = passwords;
        this.administrator = administrator;
        this.demo = demo;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        if (administrator.configured()) {
            String email = UserAccount.normaliseEmail(administrator.email());
            PasswordPolicy.violation(administrator.password(), email).ifPresent(rule -> {
                throw new NoAdministratorException("KP_ADMIN_PASSWORD breaks the password rule (" + rule + ")");
            });
            UserAccount admin = new UserAccount(email,
                    administrator.name() == null || administrator.name().isBlank() ? "Administratör" : administrator.name());
            admin.setRoles(EnumSet.of(Role.ADMIN));
            admin.setPasswordHash(passwords.encode(administrator.password()));
            users.save(admin);
            log.info("Created the first administrator {}", email);
        } else if (!demo) {
            throw new NoAdministratorException("the database is empty and KP_ADMIN_EMAIL/KP_ADMIN_PASSWORD are not set");
        }
    }
}
