package se.kompetensportal.accounts.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * A user's open sessions, found by the user's address in the session store (Spring Session indexes each session by
 * its principal's name), so that a password change signs the user out everywhere else.
 */
@Component
public class UserSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    UserSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user but the one of this request, which gets a new id. */
    public void endOthers(String email, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        String keep = current == null ? null : current.getId();
        sessions.findByPrincipalName(email).keySet().stream().filter(id -> !id.equals(keep))
                .forEach(sessions::deleteById);
        if (current != null) {
            request.changeSessionId();
        }
    }

    /** Ends every session of the user (after an administrator set a new password, for example). */
    public void endAll(String email) {
        sessions.findByPrincipalName(email).keySet().forEach(sessions::deleteById);
    }
}
