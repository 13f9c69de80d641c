/**
 * Course evaluations: templates, invitations, anonymous responses and their results.
 */
package se.kompetensportal.surveys;
