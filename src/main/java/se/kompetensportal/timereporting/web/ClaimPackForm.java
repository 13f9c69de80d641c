package se.kompetensportal.timereporting.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The months a claim pack covers, as {@code yyyy-MM} (the browser's month field). */
record ClaimPackForm(@NotBlank @Size(max = 7) String from, @NotBlank @Size(max = 7) String to) {
}
