package se.kompetensportal.projects.web;

import jakarta.validation.constraints.NotNull;
import se.kompetensportal.projects.ActorRole;

/** Adds an organisation to a project as an actor. */
record ActorForm(@NotNull Long organisationId, @NotNull ActorRole role) {
}
