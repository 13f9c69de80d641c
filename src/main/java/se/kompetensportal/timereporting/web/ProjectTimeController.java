package se.kompetensportal.timereporting.web;

import java.time.YearMonth;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.timereporting.domain.MonthCorrections;
import se.kompetensportal.timereporting.domain.ParticipantExits;
import se.kompetensportal.timereporting.domain.ProjectTimeService;

/**
 * The secretary's time reporting of a project ({@code /admin/projects/{id}/time}): each month's people and their
 * status, sending again, corrections and explicit exits (the paper route is {@link PaperRouteController}). A correction
 * on a month that changed since the page was shown answers 409 with the month as it is now. Each service acts as the
 * signed-in user passed from here.
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time")
class ProjectTimeController {

    static final String DETAIL = "timereporting/month-detail";

    private final ProjectTimeService time;
    private final MonthCorrections corrections;
    private final ParticipantExits exits;

    ProjectTimeController(ProjectTimeService time, MonthCorrections corrections, ParticipantExits exits) {
        this.time = time;
        this.corrections = corrections;
        this.exits = exits;
    }

    @GetMapping
    String page(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        model.addAttribute("page", time.page(projectId, month, CurrentUser.require()));
        model.addAttribute("exits", exits.list(projectId, CurrentUser.require()));
        return "timereporting/project-time";
    }

    @PostMapping("/resend")
    String resendUnanswered(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", "time.resend.sentTo");
        redirect.addFlashAttribute("flashArgs", time.resendUnanswered(projectId, month, CurrentUser.require()));
        return "redirect:/admin/projects/" + projectId + "/time?month=" + month;
    }

    @GetMapping("/{monthId:\\d+}")
    String detail(@PathVariable long projectId, @PathVariable long monthId, Model model) {
        ProjectTimeService.MonthDetail detail = fillDetail(projectId, monthId, model);
        model.addAttribute("correctionForm", CorrectionForm.of(detail.view().month().version(), detail.sessions()));
        return DETAIL;
    }

    @PostMapping("/{monthId:\\d+}/resend")
    String resend(@PathVariable long projectId, @PathVariable long monthId, RedirectAttributes redirect) {
        time.resend(projectId, monthId, CurrentUser.require());
        redirect.addFlashAttribute("flash", "time.resend.sent");
        return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
    }

    @PostMapping("/{monthId:\\d+}/correct")
    String correct(@PathVariable long projectId, @PathVariable long monthId,
            @Valid @ModelAttribute CorrectionForm correctionForm, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<Long, Integer> minutes = correctionForm.parsed(result);
        if (!result.hasErrors()) {
            try {
                corrections.correct(projectId, monthId, correctionForm.version(), minutes, correctionForm.reason(),
                        CurrentUser.require());
                redirect.addFlashAttribute("flash", "time.correct.saved");
                return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            } catch (ConcurrentEditException e) {
                // Someone answered or changed the month meanwhile: show it as it is now, keep what was typed.
                ProjectTimeService.MonthDetail now = fillDetail(projectId, monthId, model);
                model.addAttribute("changed", true);
                model.addAttribute("correctionForm", new CorrectionForm(now.view().month().version(),
                        correctionForm.minutes(), correctionForm.reason()));
                response.setStatus(HttpStatus.CONFLICT.value());
                return DETAIL;
            }
        }
        fillDetail(projectId, monthId, model);
        return DETAIL;
    }

    /** Records that the month's participant left the project (422 with field messages for bad input). */
    @PostMapping("/{monthId:\\d+}/exit")
    String recordExit(@PathVariable long projectId, @PathVariable long monthId, @Valid @ModelAttribute ExitForm exitForm,
            BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ProjectTimeService.MonthDetail detail = time.detail(projectId, monthId, CurrentUser.require());
        if (!result.hasErrors()) {
            try {
                exits.record(projectId, detail.view().month().personId(), exitForm.exitDate(), exitForm.exitReason(),
                        CurrentUser.require());
                redirect.addFlashAttribute("flash", "time.exit.saved");
                return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            }
        }
        fillDetail(projectId, monthId, model);
        model.addAttribute("correctionForm", CorrectionForm.of(detail.view().month().version(), detail.sessions()));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return DETAIL;
    }

    @PostMapping("/exits/{exitId:\\d+}/delete")
    String removeExit(@PathVariable long projectId, @PathVariable long exitId, RedirectAttributes redirect) {
        exits.remove(projectId, exitId, CurrentUser.require());
        redirect.addFlashAttribute("flash", "time.exit.removed");
        return "redirect:/admin/projects/" + projectId + "/time";
    }

    /** The month's detail and the participant's exits in the model (an exit form unless one is bound already). */
    private ProjectTimeService.MonthDetail fillDetail(long projectId, long monthId, Model model) {
        ProjectTimeService.MonthDetail detail = time.detail(projectId, monthId, CurrentUser.require());
        model.addAttribute("detail", detail);
        model.addAttribute("exits", exits.ofPerson(projectId, detail.view().month().personId(), CurrentUser.require()));
        if (!model.containsAttribute("exitForm")) {
            model.addAttribute("exitForm", ExitForm.empty());
        }
        return detail;
    }
}
