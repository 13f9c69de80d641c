package se.kompetensportal.notifications.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kompetensportal.newsletter.domain.IssueContent;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every mail template of every module renders, in Swedish and English, both with every variable given and with every
 * optional variable absent (as {@link OutgoingMail.Builder#variable} leaves out a {@code null}): no exception, no
 * "null", no unresolved message key, no empty quotes or a label left without its value. The templates are found by
 * listing {@code templates/mail/}, and the variables each uses by reading it, so a new template or a new variable
 * fails this test until it is declared below as required (always known when the mail is sent) or optional.
 */
class MailTemplatesTest extends PortalIntegrationTest {

    private static final Path FOLDER = Path.of("src/main/resources/templates/mail");
    private static final List<Locale> LANGUAGES = List.of(Locale.of("sv"), Locale.of("en"));
    /** Variables every template gets from {@link MailRenderer}, and words of Thymeleaf's expression language. */
    private static final Set<String> GIVEN = Set.of("baseUrl", "subject", "and", "or", "not", "null", "true", "false");

    /** What a template needs: its subject, one or more sets of required variables, and the optional ones. */
    private record Spec(String subjectKey, List<Object> subjectArguments, List<Map<String, Object>> requiredCases,
            Map<String, Object> optional) {
    }

    private static final Map<String, Spec> TEMPLATES = new LinkedHashMap<>();
    /** Required values that choose a text (kind) or are quoted as given (comment), so need not appear verbatim. */
    private static final Set<String> NOT_SHOWN = Set.of("comment", "kind");
    /**
     * Parts rendered into a mail rather than sent as one: {@code newsletter/issue-content} is an issue's text,
     * rendered once per batch by {@code IssueRenderer} and tested there.
     */
    private static final Set<String> PARTS = Set.of("newsletter/issue-content");

    static {
        Map<String, Object> activity = Map.of("title", "Interkulturell kompetens",
                "activityLink", "http://localhost:8080/activities/1-interkulturell-kompetens",
                "manageLink", "http://localhost:8080/sign-ups/abc123");
        Map<String, Object> activityOptional = Map.of("name", "Ebba",
                "schedule", List.of("2026-12-03 09:00–12:00, Sal 4", "2026-12-10 09:00–12:00, https://meet.example/x"),
                "place", "Kalmar slott, Slottsvägen 1, Kalmar");
        participants("confirmed", "mail.signUp.confirmed.subject", List.of(activity),
                with(activityOptional, "checkInCode", "K7Q2-9XWD"));
        participants("promoted", "mail.signUp.promoted.subject", List.of(activity),
                with(activityOptional, "checkInCode", "K7Q2-9XWD"));
        participants("reminder", "mail.signUp.reminder.subject", List.of(activity), activityOptional);
        participants("waiting", "mail.signUp.waiting.subject", List.of(with(activity, "position", 17L)),
                activityOptional);
        participants("cancelled", "mail.signUp.cancelled.subject",
                List.of(with(activity, "bySecretary", true), with(activity, "bySecretary", false)), activityOptional);
        participants("schedule-changed", "mail.signUp.scheduleChanged.subject",
                java.util.Arrays.stream(se.kompetensportal.activities.ActivityScheduleChanged.Change.values())
                        .flatMap(c -> java.util.stream.Stream.of(true, false)
                                .map(w -> with(with(activity, "change", c), "waiting", w))).toList(),
                activityOptional);
        participants("offer", "mail.signUp.offer.subject",
                List.of(with(with(activity, "offerLink", "http://localhost:8080/offers/tok"), "expires", "2026-12-01 10:00")),
                activityOptional);
        participants("offer-expired", "mail.signUp.offerExpired.subject", List.of(activity),
                Map.of("name", "Ebba", "position", 17L));
        TEMPLATES.put("participants/manager-approval", new Spec("mail.approval.request.subject",
                List.of("Ebba Ek", "Interkulturell kompetens"),
                List.of(Map.of("title", "Interkulturell kompetens", "participant", "Ebba Ek",
                        "approvalLink", "http://localhost:8080/approvals/tok", "expires", "2026-12-01 10:00")),
                Map.of("schedule", List.of("2026-12-03 09:00–12:00, Sal 4"), "place", "Kalmar slott")));
        participants("approval-pending", "mail.approval.pending.subject", List.of(activity),
                with(activityOptional, "manager", "chef@kalmar.se"));
        participants("approval-ended", "mail.approval.ended.subject.DECLINED",
                java.util.stream.Stream.of("DECLINED", "EXPIRED", "APPROVED").map(k -> with(activity, "kind", k))
                        .toList(), Map.of("name", "Ebba"));
        participants("colleague-notice", "mail.colleague.notice.subject",
                List.of(Map.of("title", "Interkulturell kompetens", "who", "Ebba Ek",
                        "instead", "Nils Holm (Kalmar kommun)", "link", "http://localhost:8080/admin/activities/1/sign-ups")),
                Map.of());
        participants("message", "mail.activityMessage.subject",
                List.of(Map.of("title", "Interkulturell kompetens", "text", "Hej Ebba!\nNy lokal.")),
                Map.of("manageLink", "http://localhost:8080/sign-ups/abc123",
                        "activityLink", "http://localhost:8080/activities/1-interkulturell-kompetens"));
        participants("activity-cancelled", "mail.signUp.activityCancelled.subject", List.of(activity),
                with(activityOptional, "reason", "Kursledaren är sjuk"));

        Map<String, Object> evaluation = Map.of("title", "Interkulturell kompetens",
                "answerLink", "http://localhost:8080/evaluations/answer/xyz");
        Map<String, Object> evaluationOptional = Map.of("name", "Ebba", "closesOn", LocalDate.of(2026, 12, 20));
        TEMPLATES.put("surveys/invitation", new Spec("mail.evaluation.invitation.subject",
                List.of("Interkulturell kompetens"), List.of(evaluation), evaluationOptional));
        TEMPLATES.put("surveys/reminder", new Spec("mail.evaluation.reminder.subject",
                List.of("Interkulturell kompetens"), List.of(evaluation), evaluationOptional));

        TEMPLATES.put("timereporting/cofinancing", new Spec("mail.time.cofinancing.subject", List.of("IKO", "mars 2026"),
                List.of(Map.of("organisation", "Kalmar kommun", "project", "Vi blir fler", "month", "mars 2026",
                        "confirmedHours", 120L, "unconfirmedHours", 14L, "value", "36000",
                        "link", "http://localhost:8080/my-organisation/projects/1/time")),
                Map.of("name", "Karin Kontaktperson", "pledge", "2000 h", "percent", 43, "forecast", "250000")));

        TEMPLATES.put("accounts/login-link", new Spec("mail.loginLink.subject", List.of(),
                List.of(Map.of("link", "http://localhost:8080/login/ott?token=t0k3n", "validMinutes", 15L)),
                Map.of("name", "Ebba Ek")));

        Map<String, Object> application = Map.of("reference", "DP-2026-007", "title", "Språkcafé för nyanlända",
                "projectName", "Vi blir fler", "year", 2026, "link", "http://localhost:8080/dialog-fund/applications/7");
        Map<String, Object> applicant = Map.of("name", "Ebba Ek");
        dialogFund("receipt", "dialogfund.mail.receipt.subject", List.of(with(application, "amount", "25 000")),
                applicant);
        dialogFund("decision", "dialogfund.mail.decision.subject", List.of(
                with(with(application, "granted", true), "amount", "20 000"),
                with(application, "granted", false)), with(applicant, "reportDue", "2027-03-31"));
        dialogFund("report-reminder", "dialogfund.mail.reminder.subject",
                List.of(with(application, "reportDue", "2027-03-31")), applicant);
        dialogFund("report-approved", "dialogfund.mail.reportApproved.subject", List.of(application), applicant);
        dialogFund("report-returned", "dialogfund.mail.reportReturned.subject",
                List.of(with(application, "comment", "Deltagarlistan saknas.")), applicant);
        Map<String, Object> staff = with(application, "organisation", "Föreningen Gemenskap");
        dialogFund("staff-notice", "dialogfund.mail.staff.application.subject",
                List.of(with(staff, "report", false), with(staff, "report", true)), Map.of());

        Map<String, Object> survey = Map.of("paragraphs", List.of("Hej Ebba!", "Vad behöver din förvaltning?"),
                "answerLink", "http://localhost:8080/evaluations/answer/xyz");
        TEMPLATES.put("surveys/custom", new Spec("mail.survey.subject", List.of("Kartläggning 2026"),
                List.of(with(survey, "identified", true), with(survey, "identified", false)),
                Map.of("closesOn", LocalDate.of(2026, 12, 20))));
        TEMPLATES.put("surveys/interest", new Spec("mail.interest.subject", List.of("Interkulturell kompetens"),
                List.of(Map.of("title", "Interkulturell kompetens", "project", "Vi blir fler",
                        "activityLink", "http://localhost:8080/activities/1-interkulturell-kompetens")),
                Map.of("name", "Ebba", "start", "2027-01-14 09:00")));

        Map<String, Object> month = Map.of("project", "Vi blir fler", "month", "november 2026",
                "lines", List.of("2026-11-03 Interkulturell kompetens: 3 h 30 min"), "wholeHours", 3,
                "total", "3 h 30 min", "link", "http://localhost:8080/time/confirm/t0k3n",
                "validUntil", "2026-12-31", "myTimeLink", "http://localhost:8080/my/time");
        TEMPLATES.put("timereporting/confirm", new Spec("mail.time.request.subject", List.of("IKO", "november 2026"),
                List.of(with(month, "kind", "REQUEST"), with(month, "kind", "REMINDER"),
                        with(with(month, "kind", "CORRECTED"), "reason", "Du gick 30 minuter tidigare.")),
                Map.of("name", "Ebba")));
        TEMPLATES.put("timereporting/disputed", new Spec("mail.time.disputed.subject", List.of("Ebba Ek", "november 2026"),
                List.of(Map.of("person", "Ebba Ek", "project", "Vi blir fler", "month", "november 2026",
                        "comment", "Jag var inte där den 3:e.",
                        "link", "http://localhost:8080/admin/projects/1/time/7")),
                Map.of("name", "Sara Sekreterare")));

        Map<String, Object> newsletter = Map.of("projectName", "Vi blir fler");
        TEMPLATES.put("newsletter/confirm", new Spec("mail.newsletter.confirm.subject", List.of("Vi blir fler"),
                List.of(with(newsletter, "confirmLink", "http://localhost:8080/newsletter/confirm/t0k3n")), Map.of()));
        TEMPLATES.put("newsletter/reminder", new Spec("mail.newsletter.reminder.subject", List.of("Vi blir fler"),
                List.of(with(with(newsletter, "lastSent", "2026-10-20"), "link",
                        "http://localhost:8080/admin/newsletters?projectId=1")), Map.of()));
        Map<String, Object> issue = Map.of("contentHtml", "Nytt i december", "contentText", "Nytt i december",
                "unsubscribeLink", "http://localhost:8080/newsletter/unsubscribe/t0k3n");
        TEMPLATES.put("newsletter/issue", new Spec("mail.newsletter.issue.subject", List.of("Nyhetsbrev december"),
                List.of(with(with(issue, "test", false), "content", issueContent("euFunding.statement.ESF_PLUS")),
                        with(with(issue, "test", true), "content", issueContent(null))), Map.of()));
    }

    @Autowired
    MailRenderer renderer;

    @Test
    void everyTemplateInTheMailFolderIsDeclaredHereWithBothItsBodies() throws IOException {
        Set<String> found = new TreeSet<>();
        Set<String> bodies = new TreeSet<>();
        try (Stream<Path> files = Files.walk(FOLDER)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = FOLDER.relativize(file).toString().replace('\\', '/');
                String template = name.replaceFirst("\\.(html|txt)$", "");
                if (!PARTS.contains(template)) {
                    bodies.add(name);
                    found.add(template);
                }
            });
        }
        assertThat(found).as("templates under %s", FOLDER).hasSizeGreaterThanOrEqualTo(15)
                .containsExactlyInAnyOrderElementsOf(TEMPLATES.keySet());
        for (String template : found) {
            assertThat(bodies).as("both bodies of " + template).contains(template + ".html", template + ".txt");
        }
    }

    @Test
    void everyVariableATemplateReadsIsDeclaredRequiredOrOptional() throws IOException {
        for (Map.Entry<String, Spec> entry : TEMPLATES.entrySet()) {
            Set<String> used = variablesUsed(entry.getKey());
            Set<String> declared = new TreeSet<>(entry.getValue().optional().keySet());
            entry.getValue().requiredCases().forEach(c -> declared.addAll(c.keySet()));
            assertThat(declared).as("variables of " + entry.getKey()).containsAll(used);
        }
    }

    @Test
    void everyTemplateRendersWithEveryOptionalValueAbsentInBothLanguages() {
        for (Map.Entry<String, Spec> entry : TEMPLATES.entrySet()) {
            Spec spec = entry.getValue();
            for (Map<String, Object> required : spec.requiredCases()) {
                for (Locale language : LANGUAGES) {
                    OutgoingMail.Builder mail = builder(entry.getKey(), spec, required, language);
                    spec.optional().keySet().forEach(name -> mail.variable(name, null));
                    MailRenderer.Rendered rendered = render(entry.getKey(), language, mail);
                    String what = entry.getKey() + " " + language + " " + required + " without " + spec.optional().keySet();
                    assertWellFormed(what, rendered);
                    for (Object value : spec.optional().values()) {
                        assertThat(rendered.text()).as(what).doesNotContain(shown(value));
                    }
                    for (Map.Entry<String, Object> value : required.entrySet()) {
                        if (value.getValue() instanceof String s && !NOT_SHOWN.contains(value.getKey())) {
                            assertThat(rendered.text() + rendered.subject()).as(what).contains(s);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyTemplateShowsEveryValueItIsGivenInBothLanguages() {
        for (Map.Entry<String, Spec> entry : TEMPLATES.entrySet()) {
            Spec spec = entry.getValue();
            Map<String, Object> required = spec.requiredCases().getFirst();
            for (Locale language : LANGUAGES) {
                OutgoingMail.Builder mail = builder(entry.getKey(), spec, required, language);
                spec.optional().forEach(mail::variable);
                MailRenderer.Rendered rendered = render(entry.getKey(), language, mail);
                String what = entry.getKey() + " " + language + " with every value";
                assertWellFormed(what, rendered);
                for (Object value : spec.optional().values()) {
                    assertThat(rendered.text()).as(what).contains(shown(value));
                }
            }
        }
    }

    @Test
    void swedishAndEnglishBodiesDiffer() {
        for (Map.Entry<String, Spec> entry : TEMPLATES.entrySet()) {
            Spec spec = entry.getValue();
            Map<String, Object> required = spec.requiredCases().getFirst();
            String sv = render(entry.getKey(), Locale.of("sv"), builder(entry.getKey(), spec, required, Locale.of("sv"))).text();
            String en = render(entry.getKey(), Locale.of("en"), builder(entry.getKey(), spec, required, Locale.of("en"))).text();
            assertThat(en).as(entry.getKey()).isNotEqualTo(sv);
        }
    }

    private MailRenderer.Rendered render(String template, Locale language, OutgoingMail.Builder mail) {
        try {
            return renderer.render(mail.build());
        } catch (RuntimeException e) {
            return fail("%s in %s does not render: %s", template, language, e);
        }
    }

    private static OutgoingMail.Builder builder(String template, Spec spec, Map<String, Object> required,
            Locale language) {
        OutgoingMail.Builder mail = OutgoingMail.to("ebba@example.invalid", language).template(template)
                .subject(spec.subjectKey(), spec.subjectArguments().toArray()).category("test." + template);
        required.forEach(mail::variable);
        return mail;
    }

    /** The body must not show a missing value: "null", a message key, empty quotes or brackets, a dangling label. */
    private static void assertWellFormed(String what, MailRenderer.Rendered rendered) {
        String visibleHtml = rendered.html().replaceAll("<[^>]+>", " ");
        for (String body : List.of(rendered.subject(), rendered.text(), visibleHtml)) {
            assertThat(body).as(what).doesNotContainPattern("\\bnull\\b").doesNotContain("??").doesNotContain("\"\"")
                    .doesNotContain("()").doesNotContainPattern("\\s[!,.:;)]").doesNotContainPattern("\\{\\d");
        }
        assertThat(rendered.text()).as(what).doesNotContainPattern("(?m):[ \\t]+$");
        assertThat(rendered.html()).as(what).startsWith("<!DOCTYPE html>").contains("</html>");
    }

    private static String shown(Object value) {
        return value instanceof List<?> list ? String.valueOf(list.getFirst()) : String.valueOf(value);
    }

    /** The names a template reads inside {@code ${…}}, both bodies, without the ones it declares itself (th:each). */
    private static Set<String> variablesUsed(String template) throws IOException {
        String source = Files.readString(FOLDER.resolve(template + ".html"), StandardCharsets.UTF_8)
                + Files.readString(FOLDER.resolve(template + ".txt"), StandardCharsets.UTF_8);
        Set<String> locals = new TreeSet<>();
        Matcher each = Pattern.compile("th:each=\"\\s*(\\w+)\\s*:").matcher(source);
        while (each.find()) {
            locals.add(each.group(1));
        }
        Set<String> used = new TreeSet<>();
        Matcher expression = Pattern.compile("\\$\\{([^}]*)}").matcher(source);
        while (expression.find()) {
            Matcher name = Pattern.compile("(?<![#.\\w'])([A-Za-z_]\\w*)")
                    .matcher(expression.group(1).replaceAll("'[^']*'", ""));
            while (name.find()) {
                used.add(name.group(1));
            }
        }
        used.removeAll(locals);
        used.removeAll(GIVEN);
        return used;
    }

    private static void participants(String template, String subject, List<Map<String, Object>> cases,
            Map<String, Object> optional) {
        TEMPLATES.put("participants/" + template, new Spec(subject, List.of("Interkulturell kompetens"), cases, optional));
    }

    private static void dialogFund(String template, String subject, List<Map<String, Object>> cases,
            Map<String, Object> optional) {
        TEMPLATES.put("dialogfund/" + template, new Spec(subject, List.of("DP-2026-007"), cases, optional));
    }

    private static IssueContent issueContent(String euStatementKey) {
        return new IssueContent(7, 1, "Vi blir fler", "IKO", "vi-blir-fler", 12, "Nyhetsbrev december",
                Instant.parse("2026-12-01T08:00:00Z"), "<p>Nytt i december</p>", "Nytt i december", List.of(),
                List.of(), List.of(), euStatementKey);
    }

    private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(name, value);
        return copy;
    }
}
