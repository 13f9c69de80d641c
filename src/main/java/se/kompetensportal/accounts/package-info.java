/**
 * Users, their roles and project or organisation scope, login (password and one-time e-mail link) and the security
 * filter chain that applies every module's route rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "notifications", "projects", "shared :: privacy", "shared :: security", "shared :: web"})
package se.kompetensportal.accounts;
