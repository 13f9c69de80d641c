package se.kompetensportal.shared;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Hostile input everywhere, as a fuzzer would send it: the portal is crawled as every role (and anonymously), and every
 * form found is sent with a NUL byte in each of its text fields, with a letter in each number field, an impossible
 * date in each date field, an option that does not exist in each choice, and a list row far out of range; every query
 * parameter of every link found gets a NUL byte (400), and every paginated list a page number of 10^9 (400) and of -1.
 * Nothing may answer 5xx (or fail while rendering).
 *
 * <p>The sweep sends forms that change data (with the bad values mostly refused, but not always: control characters
 * are removed and the rest goes through), so it runs in an application context of its own, closed afterwards, and never
 * disturbs the data other tests share.
 */
@TestPropertySource(properties = "kp.test.context=input-sweep")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InputSweepTest extends PortalIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(InputSweepTest.class);
    private static final String NUL = "\u0000";
    private static final int PAGES_PER_ROLE = 300;
    private static final int URLS_PER_PATTERN = 2;
    private static final Set<String> TEXT_TYPES = Set.of("text", "email", "tel", "url", "search", "password");

    private final List<String> failures = new ArrayList<>();
    private final Set<String> formsSent = new TreeSet<>();
    private final Set<String> parametersSent = new TreeSet<>();

    @Test
    void noInputAnswersWithAServerError() throws Exception {
        sweep("anonymous", anonymous(), "/", "/activities", "/activities/archive", "/dialog-fund", "/login",
                "/accessibility");
        sweep("admin", users.demo("admin"), "/", "/admin/users", "/admin/projects", "/admin/organisations",
                "/admin/activities", "/admin/people", "/admin/outbox", "/admin/dialog-fund", "/admin/evaluations",
                "/admin/evaluations/templates", "/admin/indicators", "/admin/collaboration-projects",
                "/admin/actor-plans", "/dashboard", "/account");
        sweep("secretary", users.demo("sekreterare"), "/", "/admin/activities", "/admin/dialog-fund",
                "/admin/evaluations", "/admin/people");
        sweep("steering", users.demo("styrgrupp"), "/", "/dashboard", "/review/dialog-fund");
        sweep("actor contact", users.demo("kontakt"), "/", "/my-organisation");
        sweep("participant", users.demo("deltagare"), "/", "/activities", "/my/activities", "/my/data", "/account");
        sweep("applicant", users.demo("sokande"), "/", "/dialog-fund", "/dialog-fund/my", draftApplication());

        // The sweep must have reached the forms the issue names, or it proves nothing.
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(failures).as("requests answered 5xx (" + formsSent.size() + " forms, " + parametersSent.size()
                + " query parameters tried)").isEmpty();
        soft.assertThat(formsSent).as("forms sent").anySatisfy(f -> assertThat(f).contains("POST /login"))
                .anySatisfy(f -> assertThat(f).contains("POST /login/link"))
                .anySatisfy(f -> assertThat(f).matches(".*POST /dialog-fund/applications/\\{n}.*"))
                .anySatisfy(f -> assertThat(f).matches(".*POST /activities/\\{n}/sign-up.*"))
                .anySatisfy(f -> assertThat(f).contains("POST /admin/users"))
                .anySatisfy(f -> assertThat(f).contains("GET /activities"));
        soft.assertThat(parametersSent).as("query parameters sent").anySatisfy(p -> assertThat(p).contains("page"));
        soft.assertAll();
    }

    /** A draft of the demo applicant's, started as the applicant would, so that its form is swept too. */
    private String draftApplication() throws Exception {
        Document start = Jsoup.parse(mvc.perform(get("/dialog-fund/my").with(users.demo("sokande"))).andReturn()
                .getResponse().getContentAsString());
        Element form = start.selectFirst("form[action=/dialog-fund/applications]");
        assertThat(form).as("an open dialog fund in the demo data").isNotNull();
        String fundId = form.selectFirst("input[name=fundId]").attr("value");
        return mvc.perform(request(HttpMethod.POST, URI.create("/dialog-fund/applications")).param("fundId", fundId)
                .with(users.demo("sokande")).with(csrf())).andReturn().getResponse().getRedirectedUrl();
    }

    private void sweep(String role, RequestPostProcessor user, String... starts) throws Exception {
        Deque<String> queue = new ArrayDeque<>(List.of(starts));
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> perPattern = new HashMap<>();
        Set<String> formsDone = new LinkedHashSet<>();
        Set<String> linksDone = new LinkedHashSet<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < PAGES_PER_ROLE) {
            String url = queue.poll();
            if (!seen.add(url) || perPattern.merge(pattern(url), 1, Integer::sum) > URLS_PER_PATTERN) {
                continue;
            }
            visited++;
            MockHttpServletResponse response = send(role, "GET " + url, get(url).with(user));
            if (response == null || response.getStatus() != 200 || !String.valueOf(response.getContentType())
                    .startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.getContentAsString(), "http://localhost" + url);
            for (Element link : page.select("a[href]")) {
                String target = local(link.attr("href"), url);
                if (target != null && crawlable(target)) {
                    queue.add(target);
                    if (target.contains("?") && linksDone.add(pattern(target))) {
                        queryParameters(role, user, target);
                    }
                }
            }
            for (Element form : page.select("form")) {
                for (Element submit : submitters(form)) {
                    String action = local(submit.hasAttr("formaction") ? submit.attr("formaction")
                            : form.attr("action"), url);
                    if (action == null || action.equals("/logout")) {
                        continue;
                    }
                    String method = form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase();
                    Map<String, List<String>> fields = fields(form, submit);
                    String key = method + " " + pattern(action) + " " + new TreeSet<>(fields.keySet());
                    if (formsDone.add(key)) {
                        formsSent.add(role + ": " + method + " " + pattern(action));
                        sendForm(role, user, form, method, action, fields);
                    }
                }
            }
        }
        log.info("Input sweep as {}: {} pages, {} forms, {} links with parameters", role, visited, formsDone.size(),
                linksDone.size());
    }

    /** The form with a NUL byte in every text field; then with every typed field given a value of the wrong type. */
    private void sendForm(String role, RequestPostProcessor user, Element form, String method, String action,
            Map<String, List<String>> fields) throws Exception {
        boolean multipart = "multipart/form-data".equalsIgnoreCase(form.attr("enctype"));
        Map<String, List<String>> withNul = new LinkedHashMap<>(fields);
        Map<String, List<String>> mistyped = new LinkedHashMap<>(fields);
        boolean anyText = false;
        boolean anyTyped = false;
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name");
            if (name.equals("_csrf")) {
                continue;
            }
            String type = field.tagName().equals("input") ? field.attr("type").toLowerCase() : field.tagName();
            if (type.isEmpty() || TEXT_TYPES.contains(type) || type.equals("textarea")) {
                withNul.put(name, List.of(value(field) + NUL + "x"));
                anyText = true;
            }
            String wrong = switch (type) {
                case "number", "range" -> "tolv";
                case "date" -> "2026-02-30";
                case "time" -> "25:61";
                case "datetime-local" -> "2026-13-01T10:00";
                case "select", "radio" -> "NO_SUCH_OPTION";
                case "checkbox" -> "kanske";
                default -> null;
            };
            if (wrong != null) {
                mistyped.put(name, List.of(wrong));
                anyTyped = true;
            }
            if (name.matches(".*\\[0].*")) {
                mistyped.put(name.replaceFirst("\\[0]", "[256]"), List.of("1"));
                mistyped.put(name.replaceFirst("\\[0]", "[x]"), List.of("1"));
                anyTyped = true;
            }
        }
        if (anyText) {
            sendFields(role, user, method, action, withNul, multipart, "NUL in text fields");
        }
        if (anyTyped) {
            sendFields(role, user, method, action, mistyped, multipart, "values of the wrong type");
        }
    }

    private void sendFields(String role, RequestPostProcessor user, String method, String action,
            Map<String, List<String>> fields, boolean multipart, String variant) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> builder = multipart
                ? multipart(HttpMethod.valueOf(method), URI.create(action))
                : request(HttpMethod.valueOf(method), URI.create(action));
        fields.forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
        builder.with(user);
        if (!method.equals("GET")) {
            builder.with(csrf());
        }
        MockHttpServletResponse response = send(role, method + " " + action + " (" + variant + ")", builder);
        if (response != null && method.equals("GET") && variant.startsWith("NUL") && response.getStatus() != 400) {
            failures.add(role + ": GET " + action + " with " + variant + " answered " + response.getStatus()
                    + ", expected 400");
        }
    }

    /** Each query parameter of the link with a NUL byte (400), and a page number of 10^9 (400). */
    private void queryParameters(String role, RequestPostProcessor user, String link) throws Exception {
        String path = link.substring(0, link.indexOf('?'));
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : link.substring(link.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        for (String name : parameters.keySet()) {
            parametersSent.add(pattern(path) + "?" + name);
            expect400(role, user, path, parameters, name, v -> v + NUL);
            if (name.equals("page")) {
                expect400(role, user, path, parameters, name, v -> "1000000000");
                MockHttpServletRequestBuilder negative = get(URI.create(path)).with(user);
                parameters.forEach((n, v) -> negative.param(n, n.equals("page") ? "-1" : v));
                send(role, "GET " + path + " with page=-1", negative);
            }
        }
    }

    private void expect400(String role, RequestPostProcessor user, String path, Map<String, String> parameters,
            String changed, UnaryOperator<String> change) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> builder = get(URI.create(path)).with(user);
        parameters.forEach((name, value) -> builder.param(name, name.equals(changed) ? change.apply(value) : value));
        String what = "GET " + path + " with " + changed + "=" + change.apply("…").replace(NUL, "\\0");
        MockHttpServletResponse response = send(role, what, builder);
        if (response != null && response.getStatus() != 400) {
            failures.add(role + ": " + what + " answered " + response.getStatus() + ", expected 400");
        }
    }

    /** Sends the request; records a 5xx or an exception (MockMvc's form of a page that failed while rendering). */
    private MockHttpServletResponse send(String role, String what, AbstractMockHttpServletRequestBuilder<?> builder) {
        try {
            MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
            if (response.getStatus() >= 500) {
                failures.add(role + ": " + what + " answered " + response.getStatus());
            }
            return response;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failures.add(role + ": " + what + " failed: " + root);
            return null;
        }
    }

    /** The buttons that send the form, each possibly to an action of its own; the form itself if it has none. */
    private static List<Element> submitters(Element form) {
        List<Element> buttons = form.select("button[formaction], input[type=submit][formaction]").asList();
        List<Element> all = new ArrayList<>();
        all.add(form);
        all.addAll(buttons);
        return all;
    }

    /** What the browser would send: every named field with its current value (checked boxes, chosen options). */
    private static Map<String, List<String>> fields(Element form, Element submitter) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element field : form.select("input[name], textarea[name], select[name]")) {
            String name = field.attr("name");
            String type = field.attr("type").toLowerCase();
            if (name.equals("_csrf") || type.equals("file") || type.equals("submit") || type.equals("button")
                    || ((type.equals("checkbox") || type.equals("radio")) && !field.hasAttr("checked"))) {
                continue;
            }
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value(field));
        }
        if (submitter.hasAttr("name")) {
            fields.put(submitter.attr("name"), List.of(submitter.attr("value")));
        }
        return fields;
    }

    private static String value(Element field) {
        return switch (field.tagName()) {
            case "textarea" -> field.wholeText();
            case "select" -> {
                Element chosen = field.selectFirst("option[selected]");
                chosen = chosen != null ? chosen : field.selectFirst("option");
                yield chosen == null ? "" : chosen.attr("value");
            }
            default -> field.attr("value");
        };
    }

    /** A path (with query) within the portal, or null for other sites, anchors and mail links. */
    private static String local(String href, String base) {
        if (href == null || href.isBlank() || href.startsWith("#") || href.startsWith("mailto:")
                || href.startsWith("tel:") || href.startsWith("javascript:")) {
            return null;
        }
        try {
            URI resolved = URI.create("http://localhost" + base).resolve(href.replace(" ", "%20"));
            if (!"localhost".equals(resolved.getHost()) || resolved.getPort() > 0) {
                return null;
            }
            String path = resolved.getRawPath();
            return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean crawlable(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        return !path.matches(".*\\.(pdf|xlsx|ics|csv|zip|png|jpg|css|js)$") && !path.startsWith("/webjars/")
                && !path.contains("/download") && !path.contains("/attachments/") && !path.startsWith("/actuator")
                && !url.contains("lang=") && !path.equals("/logout");
    }

    /** The URL with numbers and tokens generalised, so that one activity page stands for all. */
    private static String pattern(String url) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).replaceAll("=[^&]*", "") : "";
        return path.replaceAll("/\\d+(-[a-z0-9-]*)?(?=/|$)", "/{n}")
                .replaceAll("/(?=[^/]*\\d)[A-Za-z0-9_-]{20,}(?=/|$)", "/{token}")
                + (query.isEmpty() ? "" : "?" + query);
    }
}
