package se.kompetensportal.participants.domain;

/** The outcome of a sign-up: a seat, or a place on the waiting list ({@code position} 1 is first in line). */
public record SignUpResult(long signUpId, SignUpStatus status, long position) {
}
