package se.kompetensportal.timereporting.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.timereporting.domain.Confirmations;
import se.kompetensportal.timereporting.domain.MonthView;
import se.kompetensportal.timereporting.domain.PaperSheets;
import se.kompetensportal.timereporting.domain.ProjectTimeService;

/**
 * The secretary's time reporting of a project ({@code /admin/projects/{id}/time}): each month's people and their
 * status, sending again, the paper route, and corrections. A correction or a paper tick on a month that changed since
 * the page was shown answers 409 with the month as it is now.
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time")
class ProjectTimeController {

    private static final String DETAIL = "timereporting/month-detail";

    private final ProjectTimeService time;
    private final PdfRenderer pdf;

    ProjectTimeController(ProjectTimeService time, PdfRenderer pdf) {
        this.time = time;
        this.pdf = pdf;
    }

    @GetMapping
    String page(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        model.addAttribute("page", time.page(projectId, month));
        return "timereporting/project-time";
    }

    @PostMapping("/resend")
    String resendUnanswered(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, RedirectAttributes redirect) {
        redirect.addFlashAttribute("flash", "time.resend.sentTo");
        redirect.addFlashAttribute("flashArgs", time.resendUnanswered(projectId, month));
        return "redirect:/admin/projects/" + projectId + "/time?month=" + month;
    }

    @GetMapping("/paper.pdf")
    ResponseEntity<byte[]> paperSheets(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Locale locale) {
        return sheets(time.paperSheets(projectId, month), "tid-" + month + ".pdf", locale);
    }

    @GetMapping("/{monthId:\\d+}")
    String detail(@PathVariable long projectId, @PathVariable long monthId, Model model) {
        ProjectTimeService.MonthDetail detail = time.detail(projectId, monthId);
        model.addAttribute("detail", detail);
        model.addAttribute("correctionForm", CorrectionForm.of(detail.view().month().version(), detail.sessions()));
        return DETAIL;
    }

    @PostMapping("/{monthId:\\d+}/resend")
    String resend(@PathVariable long projectId, @PathVariable long monthId, RedirectAttributes redirect) {
        time.resend(projectId, monthId);
        redirect.addFlashAttribute("flash", "time.resend.sent");
        return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
    }

    @PostMapping("/{monthId:\\d+}/paper")
    String sendOnPaper(@PathVariable long projectId, @PathVariable long monthId, @RequestParam long version,
            RedirectAttributes redirect) {
        time.sendOnPaper(projectId, monthId, version);
        redirect.addFlashAttribute("flash", "time.paper.chosen");
        return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
    }

    @GetMapping("/{monthId:\\d+}/paper.pdf")
    ResponseEntity<byte[]> paperSheet(@PathVariable long projectId, @PathVariable long monthId, Locale locale) {
        return sheets(List.of(time.paperSheet(projectId, monthId)), "tid-" + monthId + ".pdf", locale);
    }

    @PostMapping("/{monthId:\\d+}/paper-received")
    String paperReceived(@PathVariable long projectId, @PathVariable long monthId, @RequestParam long version,
            RedirectAttributes redirect) {
        Confirmations.Outcome outcome = time.paperReceived(projectId, monthId, version);
        redirect.addFlashAttribute("flash", "time.outcome." + outcome.name());
        return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
    }

    @PostMapping("/{monthId:\\d+}/correct")
    String correct(@PathVariable long projectId, @PathVariable long monthId,
            @Valid @ModelAttribute CorrectionForm correctionForm, BindingResult result, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<Long, Integer> minutes = correctionForm.parsed(result);
        if (!result.hasErrors()) {
            try {
                time.correct(projectId, monthId, correctionForm.version(), minutes, correctionForm.reason());
                redirect.addFlashAttribute("flash", "time.correct.saved");
                return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
            } catch (FieldRejectedException e) {
                e.rejectOn(result);
            } catch (ConcurrentEditException e) {
                // Someone answered or changed the month meanwhile: show it as it is now, keep what was typed.
                ProjectTimeService.MonthDetail now = time.detail(projectId, monthId);
                model.addAttribute("detail", now);
                model.addAttribute("changed", true);
                model.addAttribute("correctionForm", new CorrectionForm(now.view().month().version(),
                        correctionForm.minutes(), correctionForm.reason()));
                response.setStatus(HttpStatus.CONFLICT.value());
                return DETAIL;
            }
        }
        model.addAttribute("detail", time.detail(projectId, monthId));
        return DETAIL;
    }

    private ResponseEntity<byte[]> sheets(List<MonthView> views, String filename, Locale locale) {
        byte[] body = pdf.render("pdf/timereporting/paper-sheet", Map.of("sheets", PaperSheets.of(views, locale)), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
