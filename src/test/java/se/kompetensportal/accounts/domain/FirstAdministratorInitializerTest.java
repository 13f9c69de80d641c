package se.kompetensportal.accounts.domain;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.kompetensportal.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** A new installation has no default credentials: the first administrator comes from configuration, or no start. */
class FirstAdministratorInitializerTest {

    private final UserAccountRepository users = mock(UserAccountRepository.class);
    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void anEmptyDatabaseWithoutConfiguredAdministratorRefusesToStart() {
        when(users.count()).thenReturn(0L);
        var initializer = new FirstAdministratorInitializer(users, passwords,
                new AdministratorProperties(null, null, null), false);
        assertThatThrownBy(() -> initializer.run(new DefaultApplicationArguments()))
                .isInstanceOf(NoAdministratorException.class).hasMessageContaining("KP_ADMIN_EMAIL");
    }

    @Test
    void theConfiguredAdministratorIsCreatedOnce() {
        when(users.count()).thenReturn(0L);
        when(users.save(any())).thenAnswer(i -> i.getArgument(0));
        new FirstAdministratorInitializer(users, passwords,
                new AdministratorProperties("Admin@Region.se", "ett långt lösenord", "Ada"), false)
                .run(new DefaultApplicationArguments());
        ArgumentCaptor<UserAccount> saved = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).save(saved.capture());
        assertThat(saved.getValue().getEmail()).isEqualTo("admin@region.se");
        assertThat(saved.getValue().getRoles()).containsExactly(Role.ADMIN);
        assertThat(passwords.matches("ett långt lösenord", saved.getValue().getPasswordHash())).isTrue();
    }

    @Test
    void aWeakConfiguredPasswordIsRefused() {
        when(users.count()).thenReturn(0L);
        var initializer = new FirstAdministratorInitializer(users, passwords,
                new AdministratorProperties("admin@region.se", "kort", null), false);
        assertThatThrownBy(() -> initializer.run(new DefaultApplicationArguments()))
                .isInstanceOf(NoAdministratorException.class).hasMessageContaining("password");
        verify(users, never()).save(any());
    }

    @Test
    void anExistingInstallationIsLeftAlone() {
        when(users.count()).thenReturn(3L);
        new FirstAdministratorInitializer(users, passwords, new AdministratorProperties(null, null, null), false)
                .run(new DefaultApplicationArguments());
        verify(users, never()).save(any());
    }

    @Test
    void demoDataBringsItsOwnUsers() {
        when(users.count()).thenReturn(0L);
        new FirstAdministratorInitializer(users, passwords, new AdministratorProperties(null, null, null), true)
                .run(new DefaultApplicationArguments());
        verify(users, never()).save(any());
    }
}
