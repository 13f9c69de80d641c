package se.kompetensportal.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page and the accessibility statement, which every page links to. */
@Controller
class PublicPagesController {

    private final PortalProperties properties;

    PublicPagesController(PortalProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/")
    String home() {
        return "home";
    }

    @GetMapping("/accessibility")
    String accessibility(Model model) {
        model.addAttribute("portal", properties);
        return "accessibility";
    }
}
