package se.kompetensportal.shared.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * {@code version} supplied by the module that owns the data moves on every change, and is read once a request) and for
 * at most {@code ttl}, which bounds staleness from things the version does not see (time passing, names kept by other
 * modules).
 *
 * <p>A page is known by its path and the parameters it uses ({@code parametersOf} gives them, or {@code null} for a path
 * that is not cached). An address with any other parameter ({@code utm_source}, {@code fbclid}, a crawler's junk) is
 * redirected (301) to the same address without it, so junk addresses never reach the cache. The key is the path, the
 * used parameters, the language and whether the request came over HTTPS. Entries are kept by Caffeine, whose admission
 * policy (TinyLFU) keeps a popular page against a flood of pages asked for once.
 *
 * <p>Only GET requests of visitors who are not signed in and have no session are served or stored, and only 200
 * {@code text/html} responses that set no cookie and create no session: such a page holds nothing personal. A request
 * with {@code Cache-Control: no-cache} (a forced reload) or {@code ?lang=} (which sets the language cookie) is rendered.
 *
 * <p>Register it after Spring Security: only the security chain knows whether the visitor is signed in (a session is
 * one way, not the only one). The headers of the stored response (CSP, frame options, HSTS over HTTPS, ...) are kept
 * with the page and written again where the chain has not written them, so the filter may also run earlier where the
 * signed-in state is known from the session alone.
 */
public class PublicPageCache extends OncePerRequestFilter {

    /** The request attribute holding the version read for this request, so that the page's own code need not read it. */
    public static final String VERSION_ATTRIBUTE = PublicPageCache.class.getName() + ".version";

    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-type", "content-length",
            "content-language", "date", "transfer-encoding", "connection", "keep-alive");

    private final Function<String, Set<String>> parametersOf;
    private final LongSupplier version;
    private final boolean enabled;
    private final LocaleResolver locales;
    private final Cache<String, Page> entries;

    public PublicPageCache(Function<String, Set<String>> parametersOf, LongSupplier version, Duration ttl,
            int maxEntries, LocaleResolver locales) {
        this(parametersOf, version, ttl, maxEntries, locales, null);
    }

    /** With an executor for Caffeine's upkeep ({@code Runnable::run} in tests, for eviction at once). */
    PublicPageCache(Function<String, Set<String>> parametersOf, LongSupplier version, Duration ttl, int maxEntries,
            LocaleResolver locales, Executor executor) {
        this.parametersOf = parametersOf;
        this.version = version;
        this.enabled = !ttl.isZero();
        this.locales = locales;
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1));
        this.entries = (executor == null ? builder : builder.executor(executor)).build();
    }

    private record Page(long version, String contentType, Locale locale, List<Map.Entry<String, String>> headers,
            byte[] body) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> used = enabled && "GET".equals(request.getMethod())
                ? parametersOf.apply(request.getRequestURI().substring(request.getContextPath().length())) : null;
        if (used == null) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters = request.getParameterMap();
        if (!used.containsAll(parameters.keySet())) {
            Set<String> unknown = new TreeSet<>(parameters.keySet());
            unknown.removeAll(used);
            if (!unknown.equals(Set.of("lang"))) {
                response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
                Set<String> kept = new HashSet<>(used);
                kept.add("lang");
                response.setHeader(HttpHeaders.LOCATION, request.getRequestURI() + query(parameters, kept, true));
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!anonymousWithoutSession(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + query(parameters, used, false) + '|' + locales.resolveLocale(request)
                + '|' + request.isSecure();
        long current = version.getAsLong();
        request.setAttribute(VERSION_ATTRIBUTE, current);
        Page entry = forcedReload(request) ? null : entries.getIfPresent(key);
        if (entry != null && entry.version() == current) {
            Set<String> written = new HashSet<>(response.getHeaderNames());
            for (Map.Entry<String, String> header : entry.headers()) {
                if (!written.contains(header.getKey())) {
                    response.addHeader(header.getKey(), header.getValue());
                }
            }
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
            entries.put(key, new Page(current, contentType, wrapper.getLocale(), headers(wrapper),
                    wrapper.getContentAsByteArray()));
        }
        wrapper.copyBodyToResponse();
    }

    /**
     * The used parameters as a query: in the order given for a redirect (the address stays as the visitor wrote it,
     * but for the junk), sorted for a key (so that the order does not matter).
     */
    private static String query(Map<String, String[]> parameters, Set<String> used, boolean asGiven) {
        StringBuilder query = new StringBuilder();
        (asGiven ? parameters : new TreeMap<>(parameters)).forEach((name, values) -> {
            if (used.contains(name)) {
                for (String value : values) {
                    query.append(query.isEmpty() ? '?' : '&').append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                            .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                }
            }
        });
        return query.toString();
    }

    private static List<Map.Entry<String, String>> headers(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : Set.copyOf(response.getHeaderNames())) {
            if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
                Collection<String> values = response.getHeaders(name);
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        return List.copyOf(headers);
    }

    private static boolean forcedReload(HttpServletRequest request) {
        String cacheControl = request.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-cache")
                || "no-cache".equals(request.getHeader(HttpHeaders.PRAGMA));
    }

    /** Forgets every page (for tests and after changes the version does not see). */
    public void clear() {
        entries.invalidateAll();
    }

    /** How many pages are kept (after Caffeine's pending upkeep). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private static boolean anonymousWithoutSession(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
        return anonymous && request.getSession(false) == null;
    }
}
