package se.kompetensportal.shared.web;

import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;

/** The start page and the accessibility statement, which every page links to. */
@Controller
class PublicPagesController {

    private final PortalProperties properties;
    private final ObjectProvider<HomeSection> sections;

    PublicPagesController(PortalProperties properties, ObjectProvider<HomeSection> sections) {
        this.properties = properties;
        this.sections = sections;
    }

    /** The start page: the sections the modules contribute for this visitor (see {@link HomeSection}). */
    @GetMapping("/")
    String home(Model model, Locale locale) {
        PortalUser user = CurrentUser.get().orElse(null);
        List<HomeSection> shown = sections.orderedStream().filter(s -> s.isFor(user)).toList();
        shown.forEach(s -> s.addTo(model, locale));
        model.addAttribute("homeSections", shown);
        return "home";
    }

    @GetMapping("/accessibility")
    String accessibility(Model model) {
        model.addAttribute("portal", properties);
        return "accessibility";
    }
}
