package se.kompetensportal.notifications;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A mail to put in the outbox. Its body is rendered from the templates {@code mail/<template>.html} and
 * {@code mail/<template>.txt} in the recipient's language; its subject is a message key.
 *
 * <p>A variable whose value is {@code null} is left out: the templates treat an absent variable as a fact that is not
 * known (an online activity has no venue, an application no contact name) and leave out what would say it. So a
 * missing optional value never fails the change that sends the mail; {@code MailTemplatesTest} renders every template
 * with every optional variable absent, in both languages.
 *
 * @param category  what kind of mail it is ({@code module.purpose}), shown in the outbox and used in statistics
 * @param sensitive whether the body grants access (a login link): shown only to administrators, and only while the
 *                  outbox is the mailbox (no SMTP server configured)
 * @param dedupKey  when set, a second mail with the same key is not queued (e.g. one reminder per sign-up)
 * @param headers   extra header fields written into the sent message as they are (such as {@code List-Unsubscribe});
 *                  names are RFC 5322 field names, values one line each
 */
public record OutgoingMail(String recipient, Locale locale, String template, Map<String, Object> variables,
        String subjectKey, List<Object> subjectArguments, List<MailAttachment> attachments, Long projectId,
        String category, boolean sensitive, String dedupKey, Map<String, String> headers) {

    private static final Pattern HEADER_NAME = Pattern.compile("[!-9;-~]{1,76}");
    /** Headers the sender sets itself; a mail may not set them again. */
    private static final Set<String> RESERVED = Set.of("from", "to", "cc", "bcc", "subject",
            "date", "message-id", "content-type", "content-transfer-encoding", "mime-version", "auto-submitted");

    public static Builder to(String recipient, Locale locale) {
        return new Builder(recipient, locale);
    }

    public static final class Builder {
        private final String recipient;
        private final Locale locale;
        private String template;
        private final Map<String, Object> variables = new LinkedHashMap<>();
        private String subjectKey;
        private final List<Object> subjectArguments = new ArrayList<>();
        private final List<MailAttachment> attachments = new ArrayList<>();
        private Long projectId;
        private String category;
        private boolean sensitive;
        private String dedupKey;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder(String recipient, Locale locale) {
            this.recipient = Objects.requireNonNull(recipient);
            this.locale = locale == null ? Locale.of("sv") : locale;
        }

        public Builder template(String template) {
            this.template = template;
            return this;
        }

        public Builder subject(String key, Object... arguments) {
            this.subjectKey = key;
            this.subjectArguments.addAll(List.of(arguments));
            return this;
        }

        /** Sets a variable; {@code null} leaves it out (the templates show nothing for it). */
        public Builder variable(String name, Object value) {
            if (value == null) {
                variables.remove(name);
            } else {
                variables.put(name, value);
            }
            return this;
        }

        public Builder attach(MailAttachment attachment) {
            attachments.add(attachment);
            return this;
        }

        public Builder project(Long projectId) {
            this.projectId = projectId;
            return this;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        public Builder dedupKey(String dedupKey) {
            this.dedupKey = dedupKey;
            return this;
        }

        /**
         * An extra header field, such as {@code List-Unsubscribe}. Refuses a name that is not a header field name, one
         * the sender writes itself, and a value with a line break (header injection).
         */
        public Builder header(String name, String value) {
            if (name == null || !HEADER_NAME.matcher(name).matches()
                    || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Not an extra header field name: " + name);
            }
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.length() > 900) {
                throw new IllegalArgumentException("Not a one-line header value for " + name);
            }
            headers.put(name, value);
            return this;
        }

        public OutgoingMail build() {
            return new OutgoingMail(recipient, locale, Objects.requireNonNull(template, "template"),
                    Map.copyOf(variables), Objects.requireNonNull(subjectKey, "subject"), List.copyOf(subjectArguments),
                    List.copyOf(attachments), projectId, Objects.requireNonNull(category, "category"), sensitive,
                    dedupKey, Collections.unmodifiableMap(new LinkedHashMap<>(headers)));
        }
    }
}
