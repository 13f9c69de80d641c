package se.kompetensportal.accounts.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password typed twice; {@code currentPassword} is asked only when users change their own password and already
 * have one.
 */
public record PasswordForm(String currentPassword, @NotBlank @Size(max = 128) String newPassword,
        @NotBlank String confirmation) {

    public static PasswordForm empty() {
        return new PasswordForm(null, null, null);
    }
}
