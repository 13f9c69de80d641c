package se.kompetensportal.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A contact person of an organisation. */
@Entity
@Table(name = "organisation_contact")
public class OrganisationContact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_contact_seq")
    @SequenceGenerator(name = "organisation_contact_seq", sequenceName = "organisation_contact_seq", allocationSize = 50)
    private Long id;

    private long organisationId;
    private String name;
    private String title;
    private String email;
    private String phone;

    protected OrganisationContact() {
    }

    public OrganisationContact(long organisationId, String name, String title, String email, String phone) {
        this.organisationId = organisationId;
        update(name, title, email, phone);
    }

    public void update(String name, String title, String email, String phone) {
        this.name = name;
        this.title = title;
        this.email = email;
        this.phone = phone;
    }

    public Long getId() { return id; }
    public long getOrganisationId() { return organisationId; }
    public String getName() { return name; }
    public String getTitle() { return title; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
}
