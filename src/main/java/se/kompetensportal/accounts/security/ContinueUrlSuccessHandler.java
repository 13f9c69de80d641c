package se.kompetensportal.accounts.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After login, goes to the page named by the {@code continue} parameter (a path within the portal, as put in login
 * links), else to the page that asked for login, else to the start page. Anything but a local path is ignored, so the
 * parameter cannot send users to another site.
 */
class ContinueUrlSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    ContinueUrlSuccessHandler() {
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws ServletException, IOException {
        String target = request.getParameter("continue");
        if (isLocalPath(target)) {
            clearAuthenticationAttributes(request);
            getRedirectStrategy().sendRedirect(request, response, target);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    static boolean isLocalPath(String target) {
        return target != null && target.startsWith("/") && !target.startsWith("//") && !target.contains("\\")
                && !target.contains("://") && target.length() < 500 && target.chars().noneMatch(Character::isISOControl);
    }
}
