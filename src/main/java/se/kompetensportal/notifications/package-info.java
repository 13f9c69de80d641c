/**
 * The mail outbox: mails are written in the transaction of the change that causes them, rendered from templates in the
 * recipient's language, and sent over SMTP by a job that is safe with several application instances.
 */
package se.kompetensportal.notifications;
