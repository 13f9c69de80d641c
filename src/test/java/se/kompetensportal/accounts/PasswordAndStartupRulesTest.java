package se.kompetensportal.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import se.kompetensportal.accounts.domain.NoAdministratorException;
import se.kompetensportal.accounts.domain.NoAdministratorFailureAnalyzer;
import se.kompetensportal.accounts.domain.PasswordPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordAndStartupRulesTest {

    @Test
    void passwordsAreLongEnoughAndNotTheEmailAddress() {
        assertThat(PasswordPolicy.violation("kort", "a@b.se")).contains("password.tooShort");
        assertThat(PasswordPolicy.violation("x".repeat(129), "a@b.se")).contains("password.tooLong");
        assertThat(PasswordPolicy.violation("Anna@Example.se", "anna@example.se")).contains("password.sameAsEmail");
        assertThat(PasswordPolicy.violation("tre ord räcker gott", "anna@example.se")).isEmpty();
    }

    @Test
    void aStartWithoutAdministratorIsExplainedNotDumped() {
        FailureAnalysis analysis = new NoAdministratorFailureAnalyzer().analyze(
                new IllegalStateException("Failed to execute ApplicationRunner",
                        new NoAdministratorException("the database is empty")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("no first administrator");
        assertThat(analysis.getAction()).contains("KP_ADMIN_EMAIL").contains("KP_ADMIN_PASSWORD");
    }
}
