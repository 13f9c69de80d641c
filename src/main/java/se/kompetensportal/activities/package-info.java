/**
 * Activities of a project in its thematic tracks, their sessions, trainers and venues; the public catalogue, calendars and the printed course catalogue.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "projects", "shared :: pdf", "shared :: security", "shared :: web"})
package se.kompetensportal.activities;
