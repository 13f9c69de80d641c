/**
 * Surveys: course evaluations, competence mappings, follow-ups and ad-hoc surveys (templates, recipients, invitations,
 * anonymous or identified responses, results never shown under five answers), the demand view and interest
 * registration.
 */
package se.kompetensportal.surveys;
