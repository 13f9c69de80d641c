/** Checking and naming files users upload: recognise the kind by content, make the name safe. */
package se.kompetensportal.shared.files;
