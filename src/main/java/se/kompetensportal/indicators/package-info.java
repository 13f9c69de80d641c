/**
 * Indicator definitions and targets, their computation from the portal's own data, and the steering group's dashboards.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "activities", "actors", "dialogfund", "participants", "projects", "shared :: excel", "shared :: pdf",
        "shared :: security", "shared :: web", "surveys", "timereporting"})
package se.kompetensportal.indicators;
