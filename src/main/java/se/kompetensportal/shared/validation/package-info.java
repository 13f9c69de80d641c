/**
 * Swedish identifiers (personal identity and organisation numbers, Luhn) and periods, as Bean Validation
 * constraints.
 */
@org.springframework.modulith.NamedInterface("validation")
package se.kompetensportal.shared.validation;
