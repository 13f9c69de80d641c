/**
 * Scheduled jobs safe with several instances: ShedLock, and {@link se.kompetensportal.shared.scheduling.JobSteps}
 * for each unit of work.
 */
@org.springframework.modulith.NamedInterface("scheduling")
package se.kompetensportal.shared.scheduling;
