package se.kompetensportal.privacy.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import se.kompetensportal.privacy.domain.PersonalDataRegistry;
import se.kompetensportal.shared.privacy.RetentionProperties;

/** The administrator's register of personal data: per module and table, purpose, legal basis, retention, audience. */
@Controller
class PrivacyController {

    private final PersonalDataRegistry registry;
    private final RetentionProperties retention;

    PrivacyController(PersonalDataRegistry registry, RetentionProperties retention) {
        this.registry = registry;
        this.retention = retention;
    }

    @GetMapping("/admin/privacy")
    String register(Model model) {
        model.addAttribute("modules", registry.byModule());
        model.addAttribute("retention", retention);
        return "privacy/register";
    }
}
