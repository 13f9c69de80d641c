package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import se.kompetensportal.shared.validation.OrganisationNumber;
import se.kompetensportal.shared.validation.Period;
import se.kompetensportal.shared.validation.ValidPeriod;

/**
 * The applicant's form. A draft may be saved half-filled (only formats and lengths are checked); submitting also
 * checks the {@link Complete} group, so that every required field is filled in.
 */
@ValidPeriod(endField = "plannedEnd")
public record ApplicationForm(
        @NotBlank(groups = Complete.class) @Size(max = 200) String organisationName,
        @NotBlank(groups = Complete.class) @OrganisationNumber String organisationNumber,
        @NotNull(groups = Complete.class) OrganisationType organisationKind,
        @NotBlank(groups = Complete.class) @Size(max = 100) String municipality,
        @NotBlank(groups = Complete.class) @Size(max = 200) String contactName,
        @NotBlank(groups = Complete.class) @Email @Size(max = 320) String contactEmail,
        @Size(max = 40) String contactPhone,
        @NotBlank(groups = Complete.class) @Size(max = 200) String title,
        @NotBlank(groups = Complete.class) @Size(max = 5000) String description,
        @NotBlank(groups = Complete.class) @Size(max = 2000) String targetGroups,
        @NotNull(groups = Complete.class) LocalDate plannedStart,
        LocalDate plannedEnd,
        @NotBlank(groups = Complete.class) @Size(max = 200) String place,
        @NotNull(groups = Complete.class) @PositiveOrZero @Max(100_000) Integer expectedWomen,
        @NotNull(groups = Complete.class) @PositiveOrZero @Max(100_000) Integer expectedMen,
        @NotNull(groups = Complete.class) @PositiveOrZero @Max(100_000) Integer expectedNewcomers,
        @NotNull(groups = Complete.class) @PositiveOrZero @Max(100_000) Integer expectedLongTimeResidents,
        @Size(max = 2000) String partners,
        List<@Valid BudgetLineForm> budgetLines,
        @NotNull(groups = Complete.class) @DecimalMin("1") @Digits(integer = 9, fraction = 2) BigDecimal amountRequested,
        Long version) implements Period {

    /** How many budget lines the form offers. */
    public static final int BUDGET_LINES = 8;

    /** The checks that apply when the application is submitted, on top of those for a draft. */
    public interface Complete {
    }

    public ApplicationForm {
        budgetLines = budgetLines == null ? new ArrayList<>() : new ArrayList<>(budgetLines);
        while (budgetLines.size() < BUDGET_LINES) {
            budgetLines.add(new BudgetLineForm(null, null));
        }
    }

    /** The budget lines the applicant filled in (blank rows left out), in order. */
    public List<BudgetLineForm> filledBudgetLines() {
        return budgetLines.stream().filter(l -> l != null && !l.isBlank()).toList();
    }

    @Override
    public LocalDate periodStart() {
        return plannedStart;
    }

    @Override
    public LocalDate periodEnd() {
        return plannedEnd;
    }

    /** One line of the budget. */
    public record BudgetLineForm(
            @Size(max = 200) String description,
            @PositiveOrZero @Digits(integer = 9, fraction = 2) BigDecimal amount) {

        public boolean isBlank() {
            return (description == null || description.isBlank()) && amount == null;
        }
    }
}
