/**
 * The shared kernel: the embedded database, security primitives (roles, the signed-in user, route rules), web
 * infrastructure (layout support, error handling, language), validation of Swedish identifiers, PDF and Excel
 * rendering, database locks that order concurrent writers. Modules use it only through its named interfaces (one per
 * sub-package: {@code shared :: web}, {@code shared :: security}, {@code shared :: pdf}, …), each listed in the
 * module's {@code allowedDependencies};
 * {@code shared.db} and {@code shared.events} are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", allowedDependencies = {})
package se.kompetensportal.shared;
