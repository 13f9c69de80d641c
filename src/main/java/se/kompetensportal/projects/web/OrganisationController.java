package se.kompetensportal.projects.web;

import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.projects.OrganisationKind;
import se.kompetensportal.projects.domain.ContactForm;
import se.kompetensportal.projects.domain.OrganisationForm;
import se.kompetensportal.projects.domain.OrganisationService;
import se.kompetensportal.shared.web.FieldRejectedException;

/** The register of organisations (actors) and their contact persons. */
@Controller
@RequestMapping("/admin/organisations")
class OrganisationController {

    private static final String FORM = "projects/organisation-form";
    private static final String CONTACT_FORM = "projects/contact-form";
    private static final int PAGE_SIZE = 25;

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @ModelAttribute("kinds")
    OrganisationKind[] kinds() {
        return OrganisationKind.values();
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("page", organisations.search(q,
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("name"))));
        return "projects/organisation-list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("organisationForm", OrganisationForm.empty());
        return FORM;
    }

    @PostMapping
    String processCreationForm(@Valid @ModelAttribute OrganisationForm organisationForm, BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            long id = organisations.create(organisationForm);
            redirect.addFlashAttribute("flash", "organisation.created");
            return "redirect:/admin/organisations/" + id;
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
    }

    @GetMapping("/{organisationId}")
    String show(@PathVariable long organisationId, Model model) {
        model.addAttribute("organisation", organisations.details(organisationId));
        return "projects/organisation-detail";
    }

    @GetMapping("/{organisationId}/edit")
    String initUpdateForm(@PathVariable long organisationId, Model model) {
        model.addAttribute("organisationForm", organisations.editForm(organisationId));
        model.addAttribute("organisationId", organisationId);
        return FORM;
    }

    @PostMapping("/{organisationId}")
    String processUpdateForm(@PathVariable long organisationId,
            @Valid @ModelAttribute OrganisationForm organisationForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("organisationId", organisationId);
        if (result.hasErrors()) {
            return FORM;
        }
        try {
            organisations.update(organisationId, organisationForm);
        } catch (FieldRejectedException e) {
            e.rejectOn(result);
            return FORM;
        }
        redirect.addFlashAttribute("flash", "organisation.saved");
        return "redirect:/admin/organisations/" + organisationId;
    }

    @GetMapping("/{organisationId}/contacts/new")
    String initContactForm(@PathVariable long organisationId, Model model) {
        model.addAttribute("contactForm", ContactForm.empty());
        model.addAttribute("organisationId", organisationId);
        return CONTACT_FORM;
    }

    @PostMapping("/{organisationId}/contacts")
    String processContactForm(@PathVariable long organisationId, @Valid @ModelAttribute ContactForm contactForm,
            BindingResult result, Model model, RedirectAttributes redirect) {
        model.addAttribute("organisationId", organisationId);
        if (result.hasErrors()) {
            return CONTACT_FORM;
        }
        organisations.addContact(organisationId, contactForm);
        redirect.addFlashAttribute("flash", "contact.created");
        return "redirect:/admin/organisations/" + organisationId;
    }

    @GetMapping("/{organisationId}/contacts/{contactId}/edit")
    String initContactUpdateForm(@PathVariable long organisationId, @PathVariable long contactId, Model model) {
        model.addAttribute("contactForm", organisations.contactForm(organisationId, contactId));
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("contactId", contactId);
        return CONTACT_FORM;
    }

    @PostMapping("/{organisationId}/contacts/{contactId}")
    String processContactUpdateForm(@PathVariable long organisationId, @PathVariable long contactId,
            @Valid @ModelAttribute ContactForm contactForm, BindingResult result, Model model,
            RedirectAttributes redirect) {
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("contactId", contactId);
        if (result.hasErrors()) {
            return CONTACT_FORM;
        }
        organisations.updateContact(organisationId, contactId, contactForm);
        redirect.addFlashAttribute("flash", "contact.saved");
        return "redirect:/admin/organisations/" + organisationId;
    }

    @PostMapping("/{organisationId}/contacts/{contactId}/delete")
    String deleteContact(@PathVariable long organisationId, @PathVariable long contactId, RedirectAttributes redirect) {
        organisations.deleteContact(organisationId, contactId);
        redirect.addFlashAttribute("flash", "contact.deleted");
        return "redirect:/admin/organisations/" + organisationId;
    }
}
