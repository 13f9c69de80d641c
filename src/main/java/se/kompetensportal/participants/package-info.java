/**
 * People, sign-ups, waiting lists, cancellations, attendance, hours and certificates.
 */
package se.kompetensportal.participants;
