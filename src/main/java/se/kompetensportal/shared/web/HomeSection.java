package se.kompetensportal.shared.web;

import java.util.Locale;

import org.springframework.ui.Model;
import se.kompetensportal.shared.security.PortalUser;

/**
 * A section of the start page ({@code /}) that a module contributes, such as the anonymous visitor's projects and next
 * activities, or a role's work queue. The start page shows, in {@code @Order}, every section that is for the visitor,
 * each rendered by its own fragment with the model it adds; the start page itself depends on no module.
 */
public interface HomeSection {

    /** Whether the section is for this visitor; {@code null} is an anonymous visitor. */
    boolean isFor(PortalUser user);

    /** The template holding the fragment, such as {@code site/home}. */
    String template();

    /** The fragment's name in the template. */
    String fragment();

    /** Adds what the fragment needs to the model. */
    void addTo(Model model, Locale locale);
}
