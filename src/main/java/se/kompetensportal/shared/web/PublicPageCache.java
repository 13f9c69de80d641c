package se.kompetensportal.shared.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Keeps the rendered HTML of public pages for anonymous visitors, so that a popular page (the course catalogue) is
 * rendered once and then served from memory. An entry is used only while the data it shows is unchanged (the
 * {@code version} supplied by the module that owns the data moves on every change) and for at most {@code ttl}, which
 * bounds staleness from things the version does not see (time passing, names kept by other modules).
 *
 * <p>Only GET requests of visitors who are not signed in and have no session are served or stored, and only 200
 * {@code text/html} responses that set no cookie and create no session: such a page holds nothing personal. The key is
 * the path, the parameters and the visitor's language. A module registers the filter for its paths, after the security
 * filter chain (so the security headers are written on every response).
 */
public class PublicPageCache extends OncePerRequestFilter {

    private final Predicate<HttpServletRequest> cacheable;
    private final LongSupplier version;
    private final Duration ttl;
    private final LocaleResolver locales;
    private final Map<String, Page> entries;

    public PublicPageCache(Predicate<HttpServletRequest> cacheable, LongSupplier version, Duration ttl, int maxEntries,
            LocaleResolver locales) {
        this.cacheable = cacheable;
        this.version = version;
        this.ttl = ttl;
        this.locales = locales;
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Page> eldest) {
                return size() > maxEntries;
            }
        });
    }

    private record Page(long version, long expiresAt, String contentType, Locale locale, byte[] body) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ttl.isZero() || !"GET".equals(request.getMethod()) || !anonymousWithoutSession(request)
                || !cacheable.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String key = key(request, locale);
        long current = version.getAsLong();
        Page entry = entries.get(key);
        if (entry != null && entry.version() == current && System.nanoTime() - entry.expiresAt() < 0) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(entry.contentType());
            response.setLocale(entry.locale());
            response.setContentLength(entry.body().length);
            response.getOutputStream().write(entry.body());
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        String contentType = wrapper.getContentType();
        if (wrapper.getStatus() == HttpServletResponse.SC_OK && contentType != null && contentType.startsWith("text/html")
                && !wrapper.containsHeader(HttpHeaders.SET_COOKIE) && anonymousWithoutSession(request)) {
            entries.put(key, new Page(current, System.nanoTime() + ttl.toNanos(), contentType, wrapper.getLocale(),
                    wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    /** Path, parameters (sorted, so their order in the query does not matter) and language. */
    private static String key(HttpServletRequest request, Locale locale) {
        StringBuilder key = new StringBuilder(request.getRequestURI()).append('?');
        new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String value : values) {
                key.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return key.append('|').append(locale).toString();
    }

    /** Forgets every page (for tests and after changes the version does not see). */
    public void clear() {
        entries.clear();
    }

    private static boolean anonymousWithoutSession(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
        return anonymous && request.getSession(false) == null;
    }
}
