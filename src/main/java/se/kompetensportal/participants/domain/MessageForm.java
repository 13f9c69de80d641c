package se.kompetensportal.participants.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message to an activity's participants. Subject and text may hold the placeholders of {@link MessageText};
 * {@code preview} is set by the preview button (show, don't send).
 */
public record MessageForm(
        @NotNull MessageAudience audience,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 10000) String body,
        String action) {

    public static MessageForm empty() {
        return new MessageForm(MessageAudience.CONFIRMED, null, null, null);
    }

    public boolean sendNow() {
        return "send".equals(action);
    }
}
