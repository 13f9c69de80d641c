package se.kompetensportal.surveys;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reading received test mails: recipient and all text parts. */
final class TestMailText {

    private TestMailText() {
    }

    static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    static String of(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        return content instanceof Multipart multipart ? text(multipart) : String.valueOf(content);
    }

    private static String text(Multipart multipart) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof Multipart nested) {
                out.append(text(nested));
            } else if (content instanceof String s) {
                out.append(s);
            }
        }
        return out.toString();
    }
}
