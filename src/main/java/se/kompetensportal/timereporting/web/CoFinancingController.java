package se.kompetensportal.timereporting.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.timereporting.CoFinancing;
import se.kompetensportal.timereporting.domain.ClaimPacks;
import se.kompetensportal.timereporting.domain.Pledges;

/**
 * Co-financing per actor for the project's secretaries: each actor's pledge against its confirmed hours and their
 * value with a forecast, and a form per actor for the pledge (422 with field messages; 409 when someone else changed
 * it meanwhile, with the pledge as it is now).
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time/co-financing")
class CoFinancingController {

    private static final String EDIT = "timereporting/pledge";

    private final Pledges pledges;
    private final CoFinancing coFinancing;
    private final ClaimPacks packs;
    private final Clock clock;

    CoFinancingController(Pledges pledges, CoFinancing coFinancing, ClaimPacks packs, Clock clock) {
        this.pledges = pledges;
        this.coFinancing = coFinancing;
        this.packs = packs;
        this.clock = clock;
    }

    @GetMapping
    String page(@PathVariable long projectId, Model model) {
        model.addAttribute("pledges", pledges.managed(CurrentUser.require(), projectId));
        model.addAttribute("project", packs.project(CurrentUser.require(), projectId));
        model.addAttribute("rows", coFinancing.perActor(projectId, LocalDate.now(clock)));
        return "timereporting/co-financing";
    }

    @GetMapping("/{organisationId:\\d+}")
    String edit(@PathVariable long projectId, @PathVariable long organisationId, Model model) {
        Pledges.Pledge p = pledge(projectId, organisationId);
        return edit(projectId, p, new PledgeForm(p.hours(), p.amount(), p.version()), model);
    }

    @PostMapping("/{organisationId:\\d+}")
    String save(@PathVariable long projectId, @PathVariable long organisationId,
            @Valid @ModelAttribute PledgeForm pledgeForm, BindingResult result, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Pledges.Pledge p = pledge(projectId, organisationId);
        if (!result.hasErrors()) {
            try {
                pledges.save(CurrentUser.require(), projectId, organisationId, pledgeForm.hours(), pledgeForm.amount(),
                        pledgeForm.version());
                redirect.addFlashAttribute("flash", "time.pledge.saved");
                return "redirect:/admin/projects/" + projectId + "/time/co-financing";
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            } catch (ConcurrentEditException e) {
                Pledges.Pledge now = pledge(projectId, organisationId);
                model.addAttribute("changed", true);
                response.setStatus(HttpStatus.CONFLICT.value());
                return edit(projectId, now, new PledgeForm(pledgeForm.hours(), pledgeForm.amount(), now.version()),
                        model);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("pledge", p);
        model.addAttribute("project", packs.project(CurrentUser.require(), projectId));
        return EDIT;
    }

    private String edit(long projectId, Pledges.Pledge p, PledgeForm form, Model model) {
        model.addAttribute("pledge", p);
        model.addAttribute("project", packs.project(CurrentUser.require(), projectId));
        model.addAttribute("pledgeForm", form);
        return EDIT;
    }

    private Pledges.Pledge pledge(long projectId, long organisationId) {
        return pledges.managed(CurrentUser.require(), projectId).stream()
                .filter(p -> p.organisationId() == organisationId).findFirst()
                .orElseThrow(() -> new NotFoundException("Organisation", organisationId));
    }
}
