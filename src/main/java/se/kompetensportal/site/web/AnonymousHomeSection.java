package se.kompetensportal.site.web;

import java.util.Locale;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.HomeSection;
import se.kompetensportal.site.domain.ProjectPages;

/** The anonymous visitor's part of the start page: the projects and the next activities (fragment site/home :: anonymous). */
@Component
@Order(10)
class AnonymousHomeSection implements HomeSection {

    private final ProjectPages pages;

    AnonymousHomeSection(ProjectPages pages) {
        this.pages = pages;
    }

    @Override
    public boolean isFor(PortalUser user) {
        return user == null;
    }

    @Override
    public String template() {
        return "site/home";
    }

    @Override
    public String fragment() {
        return "anonymous";
    }

    @Override
    public void addTo(Model model, Locale locale) {
        model.addAttribute("start", pages.start());
    }
}
