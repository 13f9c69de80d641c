package se.kompetensportal.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Until the portal is first ready, every request but {@code /actuator/…} and the static resources (the page's own
 * stylesheets, which hold no data) is answered 503 with {@code Retry-After} and the page {@code error/starting} ("the
 * portal is starting, try again in a moment").
 *
 * <p>The web server takes requests as soon as the application context is refreshed, but the start-up runners (the
 * first administrator, the demo data, under {@code shared.db.StartupDataLock}) run after that. Readiness says
 * {@code REFUSING_TRAFFIC} until they have all run, and liveness {@code CORRECT} from before them; so
 * {@code /actuator/health} (liveness and the database, see {@code HealthGroupsConfiguration}) answers UP while
 * {@code /actuator/health/readiness} still says OUT_OF_SERVICE. A visitor arriving in between would otherwise see
 * half-loaded data or an error. Once ready, this filter passes everything for good: a later {@code REFUSING_TRAFFIC}
 * (at shutdown) is the web server's graceful shutdown to handle, not a start.
 */
@Component
class StartingFilter extends OncePerRequestFilter implements Ordered {

    private final ObjectProvider<ApplicationAvailability> availability;
    private final String retryAfterSeconds;
    private final StatusPages pages;
    private volatile boolean ready;

    StartingFilter(ObjectProvider<ApplicationAvailability> availability,
            @Value("${kp.starting.retry-after-seconds:5}") long retryAfterSeconds,
            ObjectProvider<ThymeleafViewResolver> viewResolver, ObjectProvider<LocaleResolver> localeResolver) {
        this.availability = availability;
        this.retryAfterSeconds = Long.toString(retryAfterSeconds);
        this.pages = new StatusPages(viewResolver, localeResolver);
    }

    /** Right after the character encoding and the busy answer, before the session and security filters. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ready() || path.startsWith("/actuator/")
                || StaticResourceUrlFilter.STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        pages.render("error/starting", HttpServletResponse.SC_SERVICE_UNAVAILABLE, request, response);
    }

    /** Ready once readiness has said ACCEPTING_TRAFFIC (or when there is no availability to ask, as in some tests). */
    private boolean ready() {
        if (!ready) {
            ApplicationAvailability state = availability.getIfAvailable();
            ready = state == null || state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        }
        return ready;
    }
}
