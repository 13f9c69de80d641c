package se.kompetensportal.dialogfund.domain;

/** A file to send back: its safe name, the content type found when it was uploaded, and its bytes. */
public record Download(String filename, String contentType, byte[] content) {
}
