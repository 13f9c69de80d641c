/**
 * The actors' own pages: an actor's contact person follows their organisation's participation and evaluation results
 * and files the organisation's plan for further work. Other modules use {@link se.kompetensportal.actors.ActorsApi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "participants", "projects", "shared :: excel", "shared :: files", "shared :: security",
        "shared :: web", "surveys", "timereporting"})
package se.kompetensportal.actors;
