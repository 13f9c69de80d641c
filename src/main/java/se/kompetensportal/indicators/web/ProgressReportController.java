package se.kompetensportal.indicators.web;

import java.time.LocalDate;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
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
import se.kompetensportal.indicators.domain.DashboardExports;
import se.kompetensportal.indicators.domain.IndicatorService;
import se.kompetensportal.indicators.domain.ProgressReport;
import se.kompetensportal.indicators.domain.ProgressReportForm;
import se.kompetensportal.indicators.domain.ProgressReportService;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.Slugs;

/**
 * The draft progress report of a project for a period (by default the whole project): figures, and the horizontal
 * principles' texts the secretary writes and saves; as a page and as PDF.
 */
@Controller
@RequestMapping("/dashboard/projects/{projectId}")
class ProgressReportController {

    private static final String PAGE = "indicators/progress-report";

    private final ProgressReportService reports;
    private final IndicatorService indicators;
    private final DashboardExports exports;

    ProgressReportController(ProgressReportService reports, IndicatorService indicators, DashboardExports exports) {
        this.reports = reports;
        this.indicators = indicators;
        this.exports = exports;
    }

    @GetMapping("/progress-report")
    String show(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale, Model model) {
        ProgressReport r = report(projectId, from, to, locale, model);
        model.addAttribute("progressReportForm", new ProgressReportForm(r.texts().genderEquality(),
                r.texts().accessibility(), r.texts().nonDiscrimination(), r.texts().version()));
        return PAGE;
    }

    @PostMapping("/progress-report")
    String save(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Valid @ModelAttribute ProgressReportForm progressReportForm, BindingResult result, Locale locale,
            Model model, RedirectAttributes redirect) {
        if (result.hasErrors() || to.isBefore(from)) {
            if (to.isBefore(from)) {
                result.reject("dashboard.period.order");
            }
            report(projectId, to.isBefore(from) ? null : from, to.isBefore(from) ? null : to, locale, model);
            return PAGE;
        }
        int version = reports.save(projectId, from, to, progressReportForm, CurrentUser.require());
        redirect.addFlashAttribute("flash", "progressReport.saved");
        redirect.addFlashAttribute("savedVersion", version);
        return "redirect:/dashboard/projects/" + projectId + "/progress-report?from=" + from + "&to=" + to;
    }

    @GetMapping("/progress-report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale, Model model) {
        ProgressReport r = report(projectId, from, to, locale, model);
        return DashboardController.file(exports.progressReportPdf(r, locale), MediaType.APPLICATION_PDF,
                "lagesrapport-" + Slugs.of(r.project().shortName()) + "-" + r.from() + "-" + r.to() + ".pdf");
    }

    private ProgressReport report(long projectId, LocalDate from, LocalDate to, Locale locale, Model model) {
        ProjectInfo project = indicators.project(CurrentUser.require(), projectId);
        LocalDate start = from != null ? from : project.startDate();
        LocalDate today = LocalDate.now(se.kompetensportal.shared.web.Formats.ZONE);
        LocalDate end = to != null ? to : project.endDate().isAfter(today) ? project.endDate() : today;
        if (end.isBefore(start)) {
            start = project.startDate();
            end = project.endDate().isAfter(today) ? project.endDate() : today;
        }
        ProgressReport r = reports.report(projectId, start, end, locale, CurrentUser.require());
        model.addAttribute("r", r);
        return r;
    }
}
