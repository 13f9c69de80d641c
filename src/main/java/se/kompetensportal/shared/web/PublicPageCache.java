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
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
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
 * <p>Register it right after the session repository filter and before Spring Security, so that a remembered page costs
 * neither the security chain nor the rest. That is safe because it serves and stores only requests that carry no
 * session cookie ({@code sessionCookie}) and no {@code Authorization} header: the portal signs visitors in by session
 * only, so such a request cannot be signed in (a signed-in visitor always sends the cookie, and a visitor whose cookie
 * names an expired session is simply rendered). On a miss the whole chain runs inside this filter, so the page is kept
 * with every header the chain wrote (Content-Security-Policy, X-Frame-Options, X-Content-Type-Options, the referrer and
 * permissions policies, Cache-Control, HSTS over HTTPS: the key tells HTTPS apart) and a hit answers with the same ones.
 */
public class PublicPageCache extends OncePerRequestFilter {

    /** The request attribute holding the version read for this request, so that the page's own code need not read it. */
    public static final String VERSION_ATTRIBUTE = PublicPageCache.class.getName() + ".version";

    private static final Set<String> NOT_REPLAYED = Set.of("set-cookie", "content-type", "content-length",
            "content-language", "date", "transfer-encoding", "connection", "keep-alive");

    private static final String SAVED_CONTEXT = RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME;

    private final Function<String, Set<String>> parametersOf;
    private final LongSupplier version;
    private final boolean enabled;
    private final LocaleResolver locales;
    private final String sessionCookie;
    private final Cache<String, Page> entries;

    public PublicPageCache(Function<String, Set<String>> parametersOf, LongSupplier version, Duration ttl,
            int maxEntries, LocaleResolver locales, String sessionCookie) {
        this(parametersOf, version, ttl, maxEntries, locales, sessionCookie, null);
    }

    /** With an executor for Caffeine's upkeep ({@code Runnable::run} in tests, for eviction at once). */
    PublicPageCache(Function<String, Set<String>> parametersOf, LongSupplier version, Duration ttl, int maxEntries,
            LocaleResolver locales, String sessionCookie, Executor executor) {
        this.parametersOf = parametersOf;
        this.sessionCookie = sessionCookie;
        this.version = version;
        this.enabled = !ttl.isZero();
        this.locales = locales;
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(maxEntries)
                .expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1));
        this.entries = (executor == null ? builder : builder.executor(executor)).build();
    }

    /** A kept page: its headers as the chain wrote them (names and values side by side), its type and bytes. */
    private record Page(long version, String contentType, Locale locale, String[] headerNames, String[] headerValues,
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
        if (!anonymousWithoutSession(request, sessionCookie)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + query(parameters, used, false) + '|' + locales.resolveLocale(request)
                + '|' + request.isSecure();
        long current = version.getAsLong();
        request.setAttribute(VERSION_ATTRIBUTE, current);
        Page entry = forcedReload(request) ? null : entries.getIfPresent(key);
        if (entry != null && entry.version() == current) {
            boolean fresh = response.getHeaderNames().isEmpty();
            String[] names = entry.headerNames();
            for (int i = 0; i < names.length; i++) {
                if (fresh || !response.containsHeader(names[i])) {
                    response.addHeader(names[i], entry.headerValues()[i]);
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
                && !wrapper.containsHeader(HttpHeaders.SET_COOKIE) && anonymousWithoutSession(request, sessionCookie)) {
            List<Map.Entry<String, String>> headers = headers(wrapper);
            entries.put(key, new Page(current, contentType, wrapper.getLocale(),
                    headers.stream().map(Map.Entry::getKey).toArray(String[]::new),
                    headers.stream().map(Map.Entry::getValue).toArray(String[]::new), wrapper.getContentAsByteArray()));
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

    /**
     * Whether the request can only be an anonymous visitor's without a session: no session cookie, no
     * {@code Authorization} header, no session, and nobody signed in already, neither in the security context nor in
     * a context saved on the request (as Spring Security's request-attribute repository, and its test support, do).
     */
    private static boolean anonymousWithoutSession(HttpServletRequest request, String sessionCookie) {
        return anonymous(SecurityContextHolder.getContext().getAuthentication())
                && !(request.getAttribute(SAVED_CONTEXT) instanceof SecurityContext saved
                        && !anonymous(saved.getAuthentication()))
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null && !hasCookie(request, sessionCookie)
                && request.getSession(false) == null;
    }

    private static boolean anonymous(Authentication authentication) {
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }
}
