package se.kompetensportal.accounts.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.web.authentication.ott.OneTimeTokenGenerationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;

/** Mails the link Spring Security has just issued, then shows the "check your mail" page (or why not). */
class LoginLinkRequestHandler implements OneTimeTokenGenerationSuccessHandler {

    private final LoginLinks links;
    private final LocaleResolver locales;

    LoginLinkRequestHandler(LoginLinks links, LocaleResolver locales) {
        this.links = links;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, OneTimeToken token) throws IOException {
        LoginLinks.Outcome outcome = links.deliver(token, request.getParameter("continue"), request.getRemoteAddr(),
                locales.resolveLocale(request));
        String target = switch (outcome) {
            case SENT -> "/login/link-sent";
            case THROTTLED -> "/login?linkThrottled";
            case INVALID -> "/login?linkInvalid";
        };
        response.sendRedirect(request.getContextPath() + target);
    }
}
