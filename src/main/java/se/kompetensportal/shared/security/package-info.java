/** Roles, the signed-in user ({@link se.kompetensportal.shared.security.CurrentUser}), route rules and rate limits. */
@org.springframework.modulith.NamedInterface("security")
package se.kompetensportal.shared.security;
