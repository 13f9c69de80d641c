package se.kompetensportal.projects.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import se.kompetensportal.projects.EuFunding;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.web.Slugs;

/** A funded project, such as "Vi blir fler – IKO" (ESF 2016/00175). */
@Entity
@Table(name = "project")
public class Project {

    /** The longest address segment a project may have. */
    public static final int SLUG_MAX = 60;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_seq")
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 50)
    private Long id;

    private String name;
    private String shortName;
    private String funderReference;
    private String ownerOrganisation;
    private LocalDate startDate;
    private LocalDate endDate;
    private Integer plannedParticipants;
    private BigDecimal totalBudget;
    private BigDecimal esfSupport;
    private BigDecimal coFinancingRate;
    private String description;
    private boolean requiresPersonalId;
    private String dataProtectionUrl;
    private LocalDate keepUntil;
    private String slug;
    @Enumerated(EnumType.STRING)
    private EuFunding euFunding = EuFunding.ESF_PLUS;
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected Project() {
    }

    public Project(String name, String shortName) {
        this.name = name;
        this.shortName = shortName;
        this.slug = defaultSlug(shortName);
    }

    /** The short name as an address segment, at most {@value #SLUG_MAX} characters ("projekt" for one without letters). */
    public static String defaultSlug(String shortName) {
        String slug = Slugs.of(shortName);
        if (slug.length() > SLUG_MAX) {
            slug = slug.substring(0, SLUG_MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "projekt" : slug;
    }

    public ProjectInfo info() {
        return new ProjectInfo(id, name, shortName, funderReference, ownerOrganisation, startDate, endDate,
                plannedParticipants, coFinancingRate, requiresPersonalId, dataProtectionUrl, keepUntil);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getShortName() { return shortName; }
    public void setShortName(String shortName) { this.shortName = shortName; }
    public String getFunderReference() { return funderReference; }
    public void setFunderReference(String funderReference) { this.funderReference = funderReference; }
    public String getOwnerOrganisation() { return ownerOrganisation; }
    public void setOwnerOrganisation(String ownerOrganisation) { this.ownerOrganisation = ownerOrganisation; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public Integer getPlannedParticipants() { return plannedParticipants; }
    public void setPlannedParticipants(Integer plannedParticipants) { this.plannedParticipants = plannedParticipants; }
    public BigDecimal getTotalBudget() { return totalBudget; }
    public void setTotalBudget(BigDecimal totalBudget) { this.totalBudget = totalBudget; }
    public BigDecimal getEsfSupport() { return esfSupport; }
    public void setEsfSupport(BigDecimal esfSupport) { this.esfSupport = esfSupport; }
    public BigDecimal getCoFinancingRate() { return coFinancingRate; }
    public void setCoFinancingRate(BigDecimal coFinancingRate) { this.coFinancingRate = coFinancingRate; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isRequiresPersonalId() { return requiresPersonalId; }
    public void setRequiresPersonalId(boolean requiresPersonalId) { this.requiresPersonalId = requiresPersonalId; }
    public String getDataProtectionUrl() { return dataProtectionUrl; }
    public void setDataProtectionUrl(String dataProtectionUrl) { this.dataProtectionUrl = dataProtectionUrl; }
    public LocalDate getKeepUntil() { return keepUntil; }
    public void setKeepUntil(LocalDate keepUntil) { this.keepUntil = keepUntil; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public EuFunding getEuFunding() { return euFunding; }
    public void setEuFunding(EuFunding euFunding) { this.euFunding = euFunding; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
