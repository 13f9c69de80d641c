/**
 * The shared kernel every module may use: the embedded database, security primitives (roles, the signed-in user, route
 * rules), web infrastructure (layout support, error handling, language), validation of Swedish identifiers, and
 * PDF and Excel rendering.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package se.kompetensportal.shared;
