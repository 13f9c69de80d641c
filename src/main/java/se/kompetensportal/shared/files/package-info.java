/** Checking and naming files users upload: recognise the kind by content, make the name safe. */
@org.springframework.modulith.NamedInterface("files")
package se.kompetensportal.shared.files;
