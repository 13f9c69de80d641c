package se.kompetensportal.dialogfund.domain;

/** What the secretary records about the payment of a grant. Message key {@code dialogfund.payment.<NAME>}. */
public enum PaymentStep {
    REQUESTED, PAID
}
