package se.kompetensportal.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Rewrites links to static resources into their versioned form ({@code /webjars/bootstrap/css/...} becomes
 * {@code /webjars/bootstrap/5.3.8/css/...}), like Spring's {@code ResourceUrlEncodingFilter}, but only for links under
 * the static prefixes. Spring's filter tries every link of a page against the catch-all {@code /**} resource handler,
 * which looks each one up on the classpath (a miss is not cached): on a catalogue page with fifty links that was most
 * of the time spent. {@link WebConfiguration} registers this filter in place of Spring's.
 *
 * <p>A static link's versioned form is remembered: the resources on the classpath do not change while the portal
 * runs, and resolving a link again (matching it against the resource handlers' patterns, then the resolver chain) was
 * about 2 % of a fresh catalogue page's CPU for its four static links. The links come from templates, so there are few;
 * past {@link #REMEMBERED} different ones the rest are resolved each time.
 */
class StaticResourceUrlFilter extends OncePerRequestFilter {

    static final List<String> STATIC_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/", "/fonts/");
    static final int REMEMBERED = 500;

    private final Map<String, String> versions = new ConcurrentHashMap<>();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return super.encodeURL(versioned(request, url));
            }
        });
    }

    String versioned(HttpServletRequest request, String url) {
        String path = url.startsWith(request.getContextPath()) ? url.substring(request.getContextPath().length()) : url;
        if (STATIC_PREFIXES.stream().noneMatch(path::startsWith)) {
            return url;
        }
        String remembered = versions.get(url);
        if (remembered != null) {
            return remembered;
        }
        if (request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                instanceof ResourceUrlProvider provider) {
            String resolved = provider.getForRequestUrl(request, url);
            String versioned = resolved != null ? resolved : url;
            if (versions.size() < REMEMBERED) {
                versions.put(url, versioned);
            }
            return versioned;
        }
        return url;
    }
}
