package se.kompetensportal.shared.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes an unreadable upload (most often a file above {@code spring.servlet.multipart.max-file-size}) an ordinary error
 * that the portal answers with its own page. Tomcat 11 reports such a body by throwing from every {@code getParameter}
 * call on the request, so the first filter that reads a parameter (the CSRF check) fails, then the error page does,
 * and the user sees the container's bare page. This filter reads the body first; if that fails, the rest of the chain
 * sees the request with only its query-string parameters (so a CSRF token in the form's action still counts) and
 * with the failure as the outcome of reading its parts, which Spring MVC turns into a
 * {@link org.springframework.web.multipart.MaxUploadSizeExceededException} (the 413 page) or a
 * {@link org.springframework.web.multipart.MultipartException} (400).
 */
class UnreadableUploadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableUploadFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            log.debug("Unreadable multipart request to {}: {}", request.getRequestURI(), unreadable.getMessage());
            chain.doFilter(new UnreadableMultipartRequest(request, unreadable), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The request as far as it could be read: the query string's parameters, and the failure for its parts. */
    static final class UnreadableMultipartRequest extends HttpServletRequestWrapper {

        private final IllegalStateException failure;
        private final Map<String, String[]> parameters;

        UnreadableMultipartRequest(HttpServletRequest request, IllegalStateException failure) {
            super(request);
            this.failure = failure;
            this.parameters = Collections.unmodifiableMap(queryParameters(request.getQueryString()));
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public Collection<Part> getParts() {
            throw failure;
        }

        @Override
        public Part getPart(String name) {
            throw failure;
        }

        static Map<String, String[]> queryParameters(String query) {
            Map<String, String[]> result = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return result;
            }
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                result.merge(name, new String[] {value}, (a, b) -> {
                    String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                    both[a.length] = b[0];
                    return both;
                });
            }
            return result;
        }

        private static String decode(String s) {
            try {
                return URLDecoder.decode(s, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return s;
            }
        }
    }
}
