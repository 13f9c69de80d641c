package se.kompetensportal.dialogfund.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Something reviewers score each application on, from 1 (poorly met) to 5 (fully met). */
@Entity
@Table(name = "dialog_fund_criterion")
public class FundCriterion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dialog_fund_criterion_seq")
    @SequenceGenerator(name = "dialog_fund_criterion_seq", sequenceName = "dialog_fund_criterion_seq", allocationSize = 50)
    private Long id;

    private long fundId;
    private int position;
    private String name;
    private String description;

    protected FundCriterion() {
    }

    public FundCriterion(long fundId, int position, String name, String description) {
        this.fundId = fundId;
        this.position = position;
        this.name = name;
        this.description = description;
    }

    public Long getId() { return id; }
    public long getFundId() { return fundId; }
    public int getPosition() { return position; }
    public String getName() { return name; }
    public String getDescription() { return description; }
}
