package se.kompetensportal.shared.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redirects never take a host from the request that is not the portal's own: an absolute redirect built from the
 * request (as Spring Security builds them, from the {@code Host} header, for the login page and the page to return to)
 * on a request that named another host is rewritten to the portal's configured address ({@code kp.base-url});
 * relative redirects stay relative (Tomcat is told not to make them absolute). A forged {@code Host} header therefore never comes back in a {@code Location}, and no cache in front
 * of the portal can be made to store a redirect to another site.
 */
class BaseUrlRedirectFilter extends OncePerRequestFilter {

    private final String baseOrigin;
    private final String baseHost;

    BaseUrlRedirectFilter(PortalProperties portal) {
        URI base = URI.create(portal.baseUrl());
        this.baseOrigin = base.getScheme() + "://" + base.getRawAuthority();
        this.baseHost = base.getHost();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (baseHost == null || baseHost.equalsIgnoreCase(request.getServerName())) {
            // Reached under its own name: a redirect built from the request names the portal itself.
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(request, new BaseUrlResponse(request, response, baseOrigin));
    }

    /**
     * The location with the request's host (which is not the portal's own) replaced by the configured origin; other
     * locations as they are.
     */
    static String rewrite(String location, String requestHost, String baseOrigin) {
        if (location == null || !(location.startsWith("http://") || location.startsWith("https://"))) {
            return location;
        }
        try {
            URI uri = URI.create(location);
            if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(requestHost)) {
                return location;
            }
            String rest = location.substring(location.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length());
            return baseOrigin + (rest.isEmpty() ? "/" : rest);
        } catch (IllegalArgumentException unparseable) {
            return location;
        }
    }

    private static final class BaseUrlResponse extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private final String baseOrigin;

        BaseUrlResponse(HttpServletRequest request, HttpServletResponse response, String baseOrigin) {
            super(response);
            this.request = request;
            this.baseOrigin = baseOrigin;
        }

        private String fixed(String location) {
            return rewrite(location, request.getServerName(), baseOrigin);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(fixed(location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(fixed(location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? fixed(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? fixed(value) : value);
        }
    }
}
