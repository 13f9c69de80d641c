package se.kompetensportal.actors.domain;

/** A plan's document to send back: its safe name, the content type found when it was filed, and its bytes. */
public record PlanDocument(String filename, String contentType, byte[] content) {
}
