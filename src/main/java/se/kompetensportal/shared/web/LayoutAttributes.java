package se.kompetensportal.shared.web;

import java.util.Locale;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the layout needs on every page: the current language and a link to the same page in the other one. */
@ControllerAdvice
class LayoutAttributes {

    @ModelAttribute("otherLanguage")
    String otherLanguage(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "sv" : "en";
    }

    @ModelAttribute("languageSwitchUrl")
    String languageSwitchUrl(Locale locale) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", otherLanguage(locale))
                .build()
                .toUriString()
                .replaceFirst("^https?://[^/]+", "");
    }
}
