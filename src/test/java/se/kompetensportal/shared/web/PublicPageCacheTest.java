package se.kompetensportal.shared.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The public page cache on its own: what is kept, under which key, what is redirected, and what never is kept. */
class PublicPageCacheTest {

    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger versionReads = new AtomicInteger();
    private final AtomicInteger rendered = new AtomicInteger();
    private PublicPageCache cache;

    /** Renders "page N of PATH?QUERY" with a security header, as the chain behind the cache would. */
    private final FilterChain chain = (request, response) -> {
        int n = rendered.incrementAndGet();
        var http = (jakarta.servlet.http.HttpServletResponse) response;
        http.setHeader("X-Frame-Options", "DENY");
        http.setContentType("text/html;charset=UTF-8");
        http.getOutputStream().write(("page " + n + " of " + ((MockHttpServletRequest) request).getRequestURI() + "?"
                + ((MockHttpServletRequest) request).getQueryString()).getBytes(StandardCharsets.UTF_8));
    };

    @BeforeEach
    void setUp() {
        cache = new PublicPageCache(path -> path.equals("/list") ? Set.of("q", "page") : null, () -> {
            versionReads.incrementAndGet();
            return version.get();
        }, Duration.ofSeconds(30), 100, new FixedLocaleResolver(Locale.of("sv")), "KPSESSION",
                Runnable::run);
    }

    @AfterEach
    void tearDown() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse get(String query, String... headers) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/list");
        request.setQueryString(query);
        for (String pair : query == null ? new String[0] : query.split("&")) {
            request.addParameter(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(request, response, chain);
        assertThat(request.getSession(false)).as("no session is created").isNull();
        return response;
    }

    @Test
    void aPageIsRenderedOnceAndServedWithItsSecurityHeadersAfterOneCounterRead() throws Exception {
        MockHttpServletResponse first = get("q=kultur");
        int reads = versionReads.get();
        MockHttpServletResponse second = get("q=kultur");
        assertThat(rendered).hasValue(1);
        assertThat(versionReads.get() - reads).as("counter reads for a remembered page").isEqualTo(1);
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(second.getContentType()).startsWith("text/html");
    }

    @Test
    void aChangeOrAForcedReloadRendersAgain() throws Exception {
        get("q=kultur");
        version.incrementAndGet();
        assertThat(get("q=kultur").getContentAsString()).startsWith("page 2");
        assertThat(get("q=kultur", "Cache-Control", "no-cache").getContentAsString()).startsWith("page 3");
        assertThat(get("q=kultur").getContentAsString()).startsWith("page 3");
    }

    @Test
    void unknownParametersAreRedirectedToTheCleanAddressAndNeverKept() throws Exception {
        MockHttpServletResponse response = get("utm_source=news&q=kultur&fbclid=abc&page=2");
        assertThat(response.getStatus()).isEqualTo(301);
        assertThat(response.getRedirectedUrl()).isEqualTo("/list?q=kultur&page=2");
        assertThat(get("gclid=x").getRedirectedUrl()).isEqualTo("/list");
        assertThat(get("lang=en&gclid=x").getRedirectedUrl()).isEqualTo("/list?lang=en");
        assertThat(rendered).hasValue(0);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theOrderOfParametersDoesNotMatterButTheirValuesDo() throws Exception {
        get("q=kultur&page=1");
        get("page=1&q=kultur");
        assertThat(rendered).hasValue(1);
        get("q=annat&page=1");
        assertThat(rendered).hasValue(2);
    }

    @Test
    void aFloodOfAddressesAskedForOnceDoesNotPushOutAPopularPage() throws Exception {
        for (int i = 0; i < 60; i++) {
            get("page=" + i);
        }
        String popular = get("q=popular").getContentAsString();
        for (int i = 0; i < 20; i++) {
            get("q=popular");
        }
        for (int i = 0; i < 2_000; i++) {
            get("q=junk" + i);
        }
        int before = rendered.get();
        assertThat(get("q=popular").getContentAsString()).isEqualTo(popular);
        assertThat(rendered).hasValue(before);
        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void signedInVisitorsAndVisitorsWithASessionAreNeitherServedNorKept() throws Exception {
        get("q=kultur");
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("dana", null,
                AuthorityUtils.createAuthorityList("ROLE_PARTICIPANT")));
        assertThat(get("q=kultur").getContentAsString()).startsWith("page 2");
        assertThat(get("q=other").getContentAsString()).startsWith("page 3");
        SecurityContextHolder.clearContext();
        assertThat(get("q=other").getContentAsString()).startsWith("page 4");

        MockHttpServletRequest withSession = new MockHttpServletRequest("GET", "/list");
        withSession.setQueryString("q=kultur");
        withSession.addParameter("q", "kultur");
        withSession.getSession(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(withSession, response, chain);
        assertThat(response.getContentAsString()).startsWith("page 5");
    }

    @Test
    void requestsWithASessionCookieOrCredentialsAreNeitherServedNorKept() throws Exception {
        get("q=kultur");
        for (String[] header : List.of(new String[] {"Cookie", "KPSESSION=abc"},
                new String[] {"Authorization", "Basic ZGFuYTpzZWNyZXQ="})) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/list");
            request.setQueryString("q=kultur");
            request.addParameter("q", "kultur");
            request.addHeader(header[0], header[1]);
            if (header[0].equals("Cookie")) {
                request.setCookies(new jakarta.servlet.http.Cookie("KPSESSION", "abc"));
            }
            MockHttpServletResponse response = new MockHttpServletResponse();
            cache.doFilter(request, response, chain);
            assertThat(response.getContentAsString()).as(header[0]).startsWith("page " + rendered.get());
        }
        MockHttpServletRequest saved = new MockHttpServletRequest("GET", "/list");
        saved.setQueryString("q=kultur");
        saved.addParameter("q", "kultur");
        saved.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(new UsernamePasswordAuthenticationToken("dana", null,
                        AuthorityUtils.createAuthorityList("ROLE_PARTICIPANT"))));
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(saved, response, chain);
        assertThat(response.getContentAsString()).as("a context saved on the request").startsWith("page 4");
        assertThat(rendered).hasValue(4);
        assertThat(get("q=kultur").getContentAsString()).as("the anonymous page is still the first").startsWith("page 1");
    }

    @Test
    void aResponseThatSetsACookieOrIsNoPageIsNotKept() throws Exception {
        FilterChain cookie = (request, response) -> {
            ((jakarta.servlet.http.HttpServletResponse) response).addHeader("Set-Cookie", "kp-lang=en");
            chain.doFilter(request, response);
        };
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/list");
        cache.doFilter(request, new MockHttpServletResponse(), cookie);
        assertThat(cache.size()).isZero();
        assertThat(get("lang=en").getContentAsString()).as("a language switch is rendered").startsWith("page 2");
        assertThat(cache.size()).isZero();
        MockHttpServletRequest other = new MockHttpServletRequest("GET", "/other");
        other.setQueryString("utm_source=x");
        other.addParameter("utm_source", "x");
        MockHttpServletResponse response = new MockHttpServletResponse();
        cache.doFilter(other, response, chain);
        assertThat(response.getStatus()).as("paths that are not kept are left alone").isEqualTo(200);
        assertThat(List.of(cache.size())).containsExactly(0L);
    }
}
