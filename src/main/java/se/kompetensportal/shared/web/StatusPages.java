package se.kompetensportal.shared.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Renders a page of the {@code error/} templates from a filter, outside the dispatcher and its error dispatch: for an
 * anonymous visitor without a session (the session and security filters, which read the database, are not passed), in
 * the language of {@code ?lang} or the language cookie. Used where the portal cannot serve the request at all: no
 * database connection in time ({@link DatabaseBusyFilter}), or still starting ({@link StartingFilter}).
 */
final class StatusPages {

    private static final Logger log = LoggerFactory.getLogger(StatusPages.class);

    private final ObjectProvider<ThymeleafViewResolver> viewResolver;
    private final ObjectProvider<LocaleResolver> localeResolver;

    StatusPages(ObjectProvider<ThymeleafViewResolver> viewResolver, ObjectProvider<LocaleResolver> localeResolver) {
        this.viewResolver = viewResolver;
        this.localeResolver = localeResolver;
    }

    /** Writes the view with the given status; the caller has set the status and headers. Plain text if it fails. */
    void render(String viewName, int status, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpServletRequest withoutSession = new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession(boolean create) {
                return null;
            }

            @Override
            public HttpSession getSession() {
                return null;
            }
        };
        try {
            LocaleResolver locales = localeResolver.getObject();
            Locale locale = language(request.getParameter("lang")).orElseGet(() -> locales.resolveLocale(withoutSession));
            withoutSession.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
            View view = viewResolver.getObject().resolveViewName(viewName, locale);
            if (view == null) {
                throw new IllegalStateException("no view " + viewName);
            }
            response.setContentType("text/html;charset=UTF-8");
            view.render(Map.of("status", status), withoutSession, response);
        } catch (Exception failed) {
            log.warn("Page {} could not be rendered: {}", viewName, failed.toString());
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write(status + " Service Unavailable");
            }
        }
    }

    private static Optional<Locale> language(String lang) {
        return lang != null && WebConfiguration.LANGUAGES.contains(lang) ? Optional.of(Locale.of(lang))
                : Optional.empty();
    }
}
