package se.kompetensportal.projects.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.URL;
import se.kompetensportal.projects.EuFunding;
import se.kompetensportal.shared.validation.Period;
import se.kompetensportal.shared.validation.ValidPeriod;

/** The project form: what the funder's decision says about a project, and its personal-data settings. */
@ValidPeriod
public record ProjectForm(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String shortName,
        @Pattern(regexp = "^$|^\\d{4}/\\d{3,6}$") String funderReference,
        @NotBlank @Size(max = 200) String ownerOrganisation,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @PositiveOrZero Integer plannedParticipants,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal totalBudget,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal esfSupport,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal coFinancingRate,
        @Size(max = 5000) String description,
        @Size(max = 60) @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{project.slug.pattern}") String slug,
        EuFunding euFunding,
        Boolean requiresPersonalId,
        @URL @Size(max = 500) String dataProtectionUrl,
        LocalDate keepUntil,
        Long version) implements Period {

    public static ProjectForm empty() {
        return new ProjectForm(null, null, null, null, null, null, null, null, null, null, null, null, EuFunding.ESF_PLUS,
                false, null, null, null);
    }

    public static ProjectForm of(Project p) {
        return new ProjectForm(p.getName(), p.getShortName(), p.getFunderReference(), p.getOwnerOrganisation(),
                p.getStartDate(), p.getEndDate(), p.getPlannedParticipants(), p.getTotalBudget(), p.getEsfSupport(),
                p.getCoFinancingRate(), p.getDescription(), p.getSlug(), p.getEuFunding(), p.isRequiresPersonalId(), p.getDataProtectionUrl(),
                p.getKeepUntil(), p.getVersion());
    }

    @Override
    public LocalDate periodStart() {
        return startDate;
    }

    @Override
    public LocalDate periodEnd() {
        return endDate;
    }

    void applyTo(Project p) {
        p.setName(name.strip());
        p.setShortName(shortName.strip());
        p.setFunderReference(blankToNull(funderReference));
        p.setOwnerOrganisation(ownerOrganisation.strip());
        p.setStartDate(startDate);
        p.setEndDate(endDate);
        p.setPlannedParticipants(plannedParticipants);
        p.setTotalBudget(totalBudget);
        p.setEsfSupport(esfSupport);
        p.setCoFinancingRate(coFinancingRate);
        p.setDescription(blankToNull(description));
        if (slug != null && !slug.isBlank()) {
            p.setSlug(slug.strip());
        }
        if (euFunding != null) {
            p.setEuFunding(euFunding);
        }
        p.setRequiresPersonalId(Boolean.TRUE.equals(requiresPersonalId));
        p.setDataProtectionUrl(blankToNull(dataProtectionUrl));
        p.setKeepUntil(keepUntil);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
