package se.kompetensportal.shared.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Answers a request that could not get a database connection in time (the pool is exhausted: more requests at once
 * than the database serves, {@code spring.datasource.hikari.connection-timeout}) with 503 and the page
 * {@code error/503}, which says the portal is busy and to try again shortly, and a {@code Retry-After} header; not with
 * a 500 after a long wait. Outermost but for character encoding, so it also covers the filters that read the database
 * (the signed-in user's refresh, sessions). Nothing was done when the connection could not be had: the transaction
 * never began.
 */
@Component
class DatabaseBusyFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBusyFilter.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final long retryAfterSeconds;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    /** {@code error/503}, rendered here rather than through the error dispatch: that dispatch passes the session and
     * security filters again, which need the very database connection that could not be had. */
    private final StatusPages pages;

    DatabaseBusyFilter(@Value("${kp.busy.retry-after-seconds:10}") long retryAfterSeconds,
            ObjectProvider<ThymeleafViewResolver> viewResolver, ObjectProvider<LocaleResolver> localeResolver) {
        this.retryAfterSeconds = retryAfterSeconds;
        this.pages = new StatusPages(viewResolver, localeResolver);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!noConnection(e) || response.isCommitted()) {
                throw e;
            }
            report(request, e);
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            pages.render("error/503", HttpServletResponse.SC_SERVICE_UNAVAILABLE, request, response);
        }
    }

    /** Whether the failure is that no database connection could be had within the pool's timeout. */
    static boolean noConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** One warning every ten seconds at most, with the number of requests turned away since the last one. */
    private void report(HttpServletRequest request, Exception e) {
        long now = System.nanoTime();
        long last = lastLogged.get();
        long count = unlogged.incrementAndGet();
        if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
            unlogged.addAndGet(-count);
            log.warn("Busy: no database connection in time for {} {} ({} request(s) answered 503 since the last "
                    + "warning): {}", request.getMethod(), request.getRequestURI(), count, rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
