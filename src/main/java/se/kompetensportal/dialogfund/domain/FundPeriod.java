package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A period in which applications to a fund may be submitted, both days included. */
@Entity
@Table(name = "dialog_fund_period")
public class FundPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dialog_fund_period_seq")
    @SequenceGenerator(name = "dialog_fund_period_seq", sequenceName = "dialog_fund_period_seq", allocationSize = 50)
    private Long id;

    private long fundId;
    private LocalDate opensOn;
    private LocalDate closesOn;

    protected FundPeriod() {
    }

    public FundPeriod(long fundId, LocalDate opensOn, LocalDate closesOn) {
        this.fundId = fundId;
        this.opensOn = opensOn;
        this.closesOn = closesOn;
    }

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public Long getId() { return id; }
    public long getFundId() { return fundId; }
    public LocalDate getOpensOn() { return opensOn; }
    public LocalDate getClosesOn() { return closesOn; }
}
