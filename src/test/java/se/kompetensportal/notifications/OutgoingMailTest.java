package se.kompetensportal.notifications;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A mail's extra header fields are kept in order; a line break, a malformed name or a header the sender writes is refused. */
class OutgoingMailTest {

    private static OutgoingMail.Builder mail() {
        return OutgoingMail.to("a@example.se", Locale.of("sv")).template("t").subject("s").category("c");
    }

    @Test
    void extraHeadersAreKeptInOrder() {
        OutgoingMail m = mail().header("List-Unsubscribe", "<https://example.se/u/1>")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click").build();
        assertThat(m.headers()).containsExactly(
                java.util.Map.entry("List-Unsubscribe", "<https://example.se/u/1>"),
                java.util.Map.entry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
        assertThat(mail().build().headers()).isEmpty();
    }

    @Test
    void headerInjectionAndReservedHeadersAreRefused() {
        assertThatThrownBy(() -> mail().header("List-Id", "x\r\nBcc: all@example.se"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail().header("Bcc", "all@example.se")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail().header("Bad Name", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail().header("X-Ok", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
