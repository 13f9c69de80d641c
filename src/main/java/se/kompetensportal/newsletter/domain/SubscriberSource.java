package se.kompetensportal.newsletter.domain;

/** Where a subscription was made: the public form (confirmed by a link in a mail) or a signed-in user's own page. */
public enum SubscriberSource {
    WEB, PROFILE
}
