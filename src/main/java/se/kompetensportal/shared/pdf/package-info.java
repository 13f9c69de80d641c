/** PDF from Thymeleaf templates with an embedded font: {@link se.kompetensportal.shared.pdf.PdfRenderer}. */
@org.springframework.modulith.NamedInterface("pdf")
package se.kompetensportal.shared.pdf;
