package se.kompetensportal.shared.web;

import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the current language and a link to the same page in the other one. */
@ControllerAdvice
class LayoutAttributes {

    @ModelAttribute("otherLanguage")
    String otherLanguage(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "sv" : "en";
    }

    @ModelAttribute("languageSwitchUrl")
    String languageSwitchUrl(Locale locale) {
        return PageLinks.currentWith("lang", otherLanguage(locale));
    }
}
