package se.kompetensportal.participants.domain;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.participants.Gender;

/**
 * A person who takes part (or has taken part) in activities. Contact data can be erased while the facts the funder's
 * statistics need (gender, employer, hours) stay.
 */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    private Long id;

    private Long userId;
    private String email;
    private String firstName;
    private String lastName;
    private String phone;
    private Long employerOrganisationId;
    private String employerName;
    private String jobTitle;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private String personalIdEncrypted;
    private String personalIdIndex;
    private String locale = "sv";
    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();
    private Instant erasureRequestedAt;
    private Instant erasedAt;
    private Long mergedInto;

    @Version
    private long version;

    protected Person() {
    }

    public Person(String email, String firstName, String lastName, Gender gender) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.gender = gender;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public boolean isActive() {
        return erasedAt == null && mergedInto == null;
    }

    /**
     * Pseudonymises the person: name, contact data and personal identity number go; gender and employer stay, so
     * that counts by gender and organisation, and hours, are unchanged.
     */
    void erase(Instant at) {
        email = "erased-" + id + "@erased.invalid";
        firstName = "–";
        lastName = "–";
        phone = null;
        jobTitle = null;
        personalIdEncrypted = null;
        personalIdIndex = null;
        userId = null;
        erasedAt = at;
        updatedAt = at;
    }

    void mergeInto(long survivorId, Instant at) {
        mergedInto = survivorId;
        erase(at);
    }

    void touch(Instant at) {
        updatedAt = at;
    }

    public Long getId() { return id; }
    public Long getUserId() { return userId; }
    public void setUserId(Long userId) { this.userId = userId; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Long getEmployerOrganisationId() { return employerOrganisationId; }
    public void setEmployerOrganisationId(Long employerOrganisationId) { this.employerOrganisationId = employerOrganisationId; }
    public String getEmployerName() { return employerName; }
    public void setEmployerName(String employerName) { this.employerName = employerName; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public String getPersonalIdEncrypted() { return personalIdEncrypted; }
    public String getPersonalIdIndex() { return personalIdIndex; }
    public void setPersonalId(String encrypted, String index) {
        this.personalIdEncrypted = encrypted;
        this.personalIdIndex = index;
    }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getErasureRequestedAt() { return erasureRequestedAt; }
    public void setErasureRequestedAt(Instant erasureRequestedAt) { this.erasureRequestedAt = erasureRequestedAt; }
    public Instant getErasedAt() { return erasedAt; }
    public Long getMergedInto() { return mergedInto; }
    public long getVersion() { return version; }
}
