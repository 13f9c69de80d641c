/**
 * Projects, their thematic tracks and target groups, the actors (organisations) that take part, and each project's
 * configuration (unit costs, retention, personal-data rules).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared :: security", "shared :: validation", "shared :: web"})
package se.kompetensportal.projects;
