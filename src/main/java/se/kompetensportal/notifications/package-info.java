/**
 * The mail outbox: mails are written in the transaction of the change that causes them, rendered from templates in the
 * recipient's language, and sent over SMTP by a job that is safe with several application instances.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared :: privacy", "shared :: scheduling", "shared :: security", "shared :: web"})
package se.kompetensportal.notifications;
