package se.kompetensportal.accounts.security;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.domain.UserAccountRepository;
import se.kompetensportal.shared.security.PortalUser;

/** Remembers when each user last signed in (shown in the user list). */
@Component
class LoginRecorder {

    private final UserAccountRepository users;
    private final Clock clock;

    LoginRecorder(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalUser user) {
            users.recordLogin(user.id(), clock.instant());
        }
    }
}
