/**
 * People, sign-ups, waiting lists, cancellations, attendance, hours and certificates.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "accounts", "activities", "notifications", "projects", "shared :: crypto", "shared :: excel",
        "shared :: locks", "shared :: pdf", "shared :: privacy", "shared :: qr", "shared :: scheduling",
        "shared :: security", "shared :: validation", "shared :: web"})
package se.kompetensportal.participants;
