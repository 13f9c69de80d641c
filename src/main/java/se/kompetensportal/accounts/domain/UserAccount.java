package se.kompetensportal.accounts.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.shared.security.Role;

/** A user account. Users who sign in only by e-mail link have no password. */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    private String email;
    private String displayName;
    private String passwordHash;
    private boolean enabled = true;
    private Long organisationId;
    private Instant createdAt = Instant.now();
    private Instant lastLoginAt;

    @ElementCollection
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "app_user_project", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "project_id")
    private Set<Long> projectIds = new HashSet<>();

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String email, String displayName) {
        this.email = normaliseEmail(email);
        this.displayName = displayName.strip();
    }

    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public UserSummary summary() {
        return new UserSummary(id, email, displayName, roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles),
                organisationId, Set.copyOf(projectIds), enabled);
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = normaliseEmail(email); }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName.strip(); }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Long getOrganisationId() { return organisationId; }
    public void setOrganisationId(Long organisationId) { this.organisationId = organisationId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public Set<Role> getRoles() { return roles; }
    public Set<Long> getProjectIds() { return projectIds; }
    public long getVersion() { return version; }

    public void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public void setProjectIds(Set<Long> projectIds) {
        this.projectIds.clear();
        this.projectIds.addAll(projectIds);
    }
}
