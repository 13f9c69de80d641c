/**
 * The public face of the projects: each project's page (purpose, period, funder, the EU co-funding statement, tracks,
 * actors, coming activities, published results, knowledge items, newsletters) and the anonymous visitor's section of
 * the start page. It only reads other modules' APIs; it lives apart from {@code projects} because it gathers from
 * activities, indicators, knowledge and newsletter, which all depend on projects.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "activities", "indicators", "knowledge", "newsletter", "projects", "shared :: security", "shared :: web"})
package se.kompetensportal.site;
