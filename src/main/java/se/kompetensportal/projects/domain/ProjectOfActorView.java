package se.kompetensportal.projects.domain;

import se.kompetensportal.projects.ActorRole;

/** A project an organisation takes part in, as listed on the organisation page. */
public record ProjectOfActorView(long projectId, String name, String shortName, ActorRole role) {
}
