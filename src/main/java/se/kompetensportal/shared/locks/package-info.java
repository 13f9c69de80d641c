/**
 * Database locks that put concurrent writers of the same data in one order, so they wait in turn instead of
 * deadlocking: {@link se.kompetensportal.shared.locks.ProjectWriterLock}.
 */
@org.springframework.modulith.NamedInterface("locks")
package se.kompetensportal.shared.locks;
