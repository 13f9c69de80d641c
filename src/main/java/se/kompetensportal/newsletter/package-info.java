/**
 * The newsletter of each project: subscribers with double opt-in and one-click unsubscribe, issues the portal drafts
 * (what opens in the coming weeks per track, other actors' activities, new knowledge items) and sends through the
 * outbox in batches, the archive of sent issues, and the reminder to write the next one. Other modules use
 * {@link se.kompetensportal.newsletter.NewsletterApi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "activities", "indicators", "knowledge", "notifications", "projects", "shared :: privacy",
        "shared :: security", "shared :: web"})
package se.kompetensportal.newsletter;
