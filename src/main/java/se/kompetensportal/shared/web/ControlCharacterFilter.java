package se.kompetensportal.shared.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps control characters (a NUL byte above all, which PostgreSQL cannot store in text, and the other C0 characters
 * but tab, line feed and carriage return) out of everything the portal reads from a request's parameters, for every
 * endpoint at once, anonymous ones included.
 *
 * <ul>
 * <li>A page asked for with such a character in its address (a GET or HEAD query parameter) is answered with 400 and
 * the portal's error page: there is no form to show again.</li>
 * <li>A form sent with one (any other method) goes on with the characters removed, so nothing further on can fail on
 * them, and with the names of the affected fields in the request attribute {@link #REJECTED_FIELDS}: the form binder
 * ({@link FormDataBinder}) puts a message at each of those fields, so the form is shown again (422) with what was typed
 * in place. Endpoints without a form (sign-in, link requests) simply see the text without them.</li>
 * </ul>
 * A parameter whose name has such a character is dropped.
 */
public class ControlCharacterFilter extends OncePerRequestFilter {

    /** The request attribute naming the parameters (a {@code Set<String>}) that had control characters removed. */
    public static final String REJECTED_FIELDS = ControlCharacterFilter.class.getName() + ".rejected";

    private static final Logger log = LoggerFactory.getLogger(ControlCharacterFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // An unreadable upload: UnreadableUploadFilter has already made that an error the portal answers.
            chain.doFilter(request, response);
            return;
        }
        if (parameters.entrySet().stream().noneMatch(e -> hasControl(e.getKey()) || anyHasControl(e.getValue()))) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Control characters in the parameters of {} {}", request.getMethod(), request.getRequestURI());
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Map<String, String[]> cleaned = new LinkedHashMap<>();
        Set<String> rejected = new LinkedHashSet<>();
        parameters.forEach((name, values) -> {
            if (hasControl(name)) {
                return;
            }
            String[] copy = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                copy[i] = strip(values[i]);
                if (!copy[i].equals(values[i])) {
                    rejected.add(name);
                }
            }
            cleaned.put(name, copy);
        });
        request.setAttribute(REJECTED_FIELDS, Collections.unmodifiableSet(rejected));
        chain.doFilter(new CleanedRequest(request, Collections.unmodifiableMap(cleaned)), response);
    }

    /** Whether the text has a character no field of the portal accepts. */
    public static boolean hasControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isForbidden(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text without the characters no field of the portal accepts. */
    public static String strip(String text) {
        if (!hasControl(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(c -> !isForbidden((char) c)).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    private static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
    }

    private static boolean anyHasControl(String[] values) {
        for (String value : values) {
            if (hasControl(value)) {
                return true;
            }
        }
        return false;
    }

    /** The request with its parameters cleaned; everything else (headers, parts, the body) as it came. */
    private static final class CleanedRequest extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        CleanedRequest(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
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
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
