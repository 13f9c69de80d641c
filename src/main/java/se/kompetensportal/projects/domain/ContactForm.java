package se.kompetensportal.projects.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A contact person of an organisation. */
public record ContactForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String title,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = "^$|^[+0-9 ()\\-]{5,40}$") String phone) {

    public static ContactForm empty() {
        return new ContactForm(null, null, null, null);
    }
}
