package se.kompetensportal.notifications;

/** A file sent with a mail, such as a calendar entry or a decision letter. */
public record MailAttachment(String filename, String contentType, byte[] content) {
}
