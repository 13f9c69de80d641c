package se.kompetensportal.accounts.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator of a new installation ({@code KP_ADMIN_EMAIL}, {@code KP_ADMIN_PASSWORD}), created when
 * the database has no users yet.
 */
@ConfigurationProperties("kp.admin")
public record AdministratorProperties(String email, String password, String name) {

    public boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
}
