package se.kompetensportal.actors.domain;

import se.kompetensportal.projects.ActorProjects.ActorProject;

/** A project on the contact person's overview: the organisation's part in it and whether its plan is filed. */
public record ProjectCard(ActorProject actor, long people, long wholeHours, boolean planFiled) {
}
