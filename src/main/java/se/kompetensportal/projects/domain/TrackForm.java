package se.kompetensportal.projects.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Name and description of a thematic track. */
public record TrackForm(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description, Long version) {

    public static TrackForm empty() {
        return new TrackForm(null, null, null);
    }
}
