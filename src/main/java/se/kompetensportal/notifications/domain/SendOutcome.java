package se.kompetensportal.notifications.domain;

import java.io.IOException;
import java.util.List;

import jakarta.mail.SendFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/** How one attempt to send an outbox message ended ({@link OutboxSender}). */
enum SendOutcome {
    SENT, DELIVERED, FAILED, SERVER_UNREACHABLE;

    /** What a failed send means: delivered after all, the server out of reach, or this message refused. */
    static SendOutcome classify(MailException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Failed to close server connection after message sending")) {
            return SendOutcome.DELIVERED;
        }
        if (e instanceof MailAuthenticationException || message.startsWith("Mail server connection failed")) {
            return SendOutcome.SERVER_UNREACHABLE;
        }
        List<Throwable> causes = new java.util.ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(List.of(send.getMessageExceptions()));
        }
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SendFailedException) {
                    return SendOutcome.FAILED;
                }
                if (t instanceof IOException) {
                    return SendOutcome.SERVER_UNREACHABLE;
                }
            }
        }
        return SendOutcome.FAILED;
    }
}
