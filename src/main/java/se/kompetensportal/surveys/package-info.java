/**
 * Surveys: course evaluations, competence mappings, follow-ups and ad-hoc surveys (templates, recipients, invitations,
 * anonymous or identified responses, results never shown under five answers), the demand view and interest
 * registration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "activities", "notifications", "participants", "projects", "shared :: excel", "shared :: pdf",
        "shared :: privacy", "shared :: scheduling", "shared :: security", "shared :: web"})
package se.kompetensportal.surveys;
