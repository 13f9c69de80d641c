package se.kompetensportal.projects.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.OrganisationKind;

/** An organisation that can take part in projects as an actor: a municipality, a region, an association. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
    @SequenceGenerator(name = "organisation_seq", sequenceName = "organisation_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String orgNumber;

    @Enumerated(EnumType.STRING)
    private OrganisationKind kind;

    private String municipality;
    private String website;

    @Version
    private long version;

    protected Organisation() {
    }

    public Organisation(String name, String orgNumber, OrganisationKind kind, String municipality) {
        this.name = name;
        this.orgNumber = orgNumber;
        this.kind = kind;
        this.municipality = municipality;
    }

    public OrganisationInfo info() {
        return new OrganisationInfo(id, name, orgNumber, kind, municipality);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getOrgNumber() { return orgNumber; }
    public void setOrgNumber(String orgNumber) { this.orgNumber = orgNumber; }
    public OrganisationKind getKind() { return kind; }
    public void setKind(OrganisationKind kind) { this.kind = kind; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public long getVersion() { return version; }
}
