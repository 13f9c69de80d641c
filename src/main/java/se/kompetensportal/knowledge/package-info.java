/**
 * The knowledge bank: articles, method descriptions, good examples and training material per project and thematic
 * track, open to all once reviewed and published (Delmål 3, "lessons public as open source on a website"). Other
 * modules use {@link se.kompetensportal.knowledge.KnowledgeApi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "activities", "dialogfund", "indicators", "projects", "shared :: files", "shared :: security", "shared :: web"})
package se.kompetensportal.knowledge;
