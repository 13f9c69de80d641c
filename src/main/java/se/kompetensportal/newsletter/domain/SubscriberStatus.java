package se.kompetensportal.newsletter.domain;

/** A subscription's state: waiting for its confirmation, confirmed (gets issues), or ended by the subscriber. */
public enum SubscriberStatus {
    PENDING, CONFIRMED, UNSUBSCRIBED
}
