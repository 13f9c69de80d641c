/**
 * Activities of a project in its thematic tracks, their sessions, trainers and venues; the public catalogue, calendars and the printed course catalogue.
 */
package se.kompetensportal.activities;
