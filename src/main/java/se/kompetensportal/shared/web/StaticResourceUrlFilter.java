package se.kompetensportal.shared.web;

import java.io.IOException;
import java.util.List;

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
 */
class StaticResourceUrlFilter extends OncePerRequestFilter {

    static final List<String> STATIC_PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/", "/fonts/");

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

    static String versioned(HttpServletRequest request, String url) {
        String path = url.startsWith(request.getContextPath()) ? url.substring(request.getContextPath().length()) : url;
        if (STATIC_PREFIXES.stream().noneMatch(path::startsWith)) {
            return url;
        }
        if (request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
                instanceof ResourceUrlProvider provider) {
            String resolved = provider.getForRequestUrl(request, url);
            return resolved != null ? resolved : url;
        }
        return url;
    }
}
