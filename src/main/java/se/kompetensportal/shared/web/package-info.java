/**
 * Web infrastructure every module uses: errors a user can meet, form binding, formats, Markdown, the layout's
 * attributes, public pages.
 */
@org.springframework.modulith.NamedInterface("web")
package se.kompetensportal.shared.web;
