/**
 * What every module needs to take part in data protection: the erasure event's address hashes, the own-data export
 * part, and the retention rule the nightly job runs.
 */
@org.springframework.modulith.NamedInterface("privacy")
package se.kompetensportal.shared.privacy;
