package se.kompetensportal.site.web;

import java.util.Locale;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.kompetensportal.shared.web.PortalProperties;
import se.kompetensportal.site.domain.ProjectPage;
import se.kompetensportal.site.domain.ProjectPages;

/** A project's public page. An address that is no project's answers 404. */
@Controller
class ProjectPageController {

    private final ProjectPages pages;
    private final PortalProperties portal;

    ProjectPageController(ProjectPages pages, PortalProperties portal) {
        this.pages = pages;
        this.portal = portal;
    }

    @GetMapping("/projects/{slug:[a-z0-9-]{1,60}}")
    String project(@PathVariable String slug, Locale locale, Model model, CsrfToken csrf) {
        // The page's subscription form carries the token: create it (and the session it lives in) now, before the
        // page is streamed out, when a session can no longer be started.
        if (csrf != null) {
            csrf.getToken();
        }
        ProjectPage page = pages.page(slug, locale);
        model.addAttribute("page", page);
        if (page.project().description() != null) {
            model.addAttribute("metaDescription", abbreviate(page.project().description(), 160));
        }
        model.addAttribute("canonicalUrl", portal.link("/projects/" + page.project().slug()));
        return "site/project";
    }

    private static String abbreviate(String text, int max) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
