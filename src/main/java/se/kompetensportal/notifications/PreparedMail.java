package se.kompetensportal.notifications;

/**
 * A mail already rendered ({@link Outbox#prepare}), to be queued later with {@link Outbox#enqueue(PreparedMail)}: so
 * that the rendering (Thymeleaf, both bodies) happens before a lock is taken rather than while it is held. A value
 * known only later (such as a place in a queue) is rendered as a placeholder and filled in with {@link #fillIn}.
 */
public record PreparedMail(OutgoingMail mail, String subject, String text, String html) {

    /** The same mail with every occurrence of {@code placeholder} (letters and digits only) replaced by {@code value}. */
    public PreparedMail fillIn(String placeholder, String value) {
        if (!placeholder.matches("[A-Za-z0-9]{8,}")) {
            throw new IllegalArgumentException("A placeholder is eight or more letters and digits: " + placeholder);
        }
        String escaped = org.springframework.web.util.HtmlUtils.htmlEscape(value);
        return new PreparedMail(mail, subject.replace(placeholder, value), text.replace(placeholder, value),
                html.replace(placeholder, escaped));
    }
}
