/**
 * Projects, their thematic tracks and target groups, the actors (organisations) that take part, and each project's
 * configuration (unit costs, retention, personal-data rules).
 */
package se.kompetensportal.projects;
