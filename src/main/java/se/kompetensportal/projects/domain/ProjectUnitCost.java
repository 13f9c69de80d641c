package se.kompetensportal.projects.domain;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The funder's unit cost per participant hour for one year of a project, which values time as co-financing. */
@Entity
@Table(name = "project_unit_cost")
public class ProjectUnitCost {

    @EmbeddedId
    private Key id;

    private BigDecimal hourlyRate;

    protected ProjectUnitCost() {
    }

    public ProjectUnitCost(long projectId, int year, BigDecimal hourlyRate) {
        this.id = new Key(projectId, year);
        this.hourlyRate = hourlyRate;
    }

    public Key getId() { return id; }
    public int getYear() { return id.year(); }
    public BigDecimal getHourlyRate() { return hourlyRate; }
    public void setHourlyRate(BigDecimal hourlyRate) { this.hourlyRate = hourlyRate; }

    @Embeddable
    public record Key(long projectId, int year) implements Serializable {
    }
}
