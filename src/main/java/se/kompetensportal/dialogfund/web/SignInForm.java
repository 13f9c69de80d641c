package se.kompetensportal.dialogfund.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An applicant's name and e-mail address, to which the login link is sent. */
record SignInForm(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$") @Size(max = 320) String email) {

    static SignInForm empty() {
        return new SignInForm(null, null);
    }
}
