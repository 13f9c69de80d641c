package se.kompetensportal.dialogfund.domain;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;

/** One line of an application's budget: what the money is for, and how much. */
@Embeddable
public class BudgetLine {

    private String description;
    private BigDecimal amount;

    protected BudgetLine() {
    }

    public BudgetLine(String description, BigDecimal amount) {
        this.description = description;
        this.amount = amount;
    }

    public String getDescription() { return description; }
    public BigDecimal getAmount() { return amount; }
}
