package se.kompetensportal.timereporting.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.timereporting.domain.Confirmations;
import se.kompetensportal.timereporting.domain.MonthView;
import se.kompetensportal.timereporting.domain.PaperRoute;
import se.kompetensportal.timereporting.domain.PaperSheets;

/**
 * The paper route of the secretary's time page: choosing it for a month, the sheets to print (one month of one
 * person, or every paper month of the project), and ticking a signed sheet as received. A tick on a month that changed
 * since the page was shown answers 409.
 */
@Controller
@RequestMapping("/admin/projects/{projectId:\\d+}/time")
class PaperRouteController {

    private final PaperRoute paper;
    private final PdfRenderer pdf;

    PaperRouteController(PaperRoute paper, PdfRenderer pdf) {
        this.paper = paper;
        this.pdf = pdf;
    }

    @GetMapping("/paper.pdf")
    ResponseEntity<byte[]> paperSheets(@PathVariable long projectId,
            @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Locale locale) {
        return sheets(paper.paperSheets(projectId, month, CurrentUser.require()), "tid-" + month + ".pdf", locale);
    }

    @PostMapping("/{monthId:\\d+}/paper")
    String sendOnPaper(@PathVariable long projectId, @PathVariable long monthId, @RequestParam long version,
            RedirectAttributes redirect) {
        paper.sendOnPaper(projectId, monthId, version, CurrentUser.require());
        redirect.addFlashAttribute("flash", "time.paper.chosen");
        return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
    }

    @GetMapping("/{monthId:\\d+}/paper.pdf")
    ResponseEntity<byte[]> paperSheet(@PathVariable long projectId, @PathVariable long monthId, Locale locale) {
        return sheets(List.of(paper.paperSheet(projectId, monthId, CurrentUser.require())), "tid-" + monthId + ".pdf",
                locale);
    }

    @PostMapping("/{monthId:\\d+}/paper-received")
    String paperReceived(@PathVariable long projectId, @PathVariable long monthId, @RequestParam long version,
            RedirectAttributes redirect) {
        Confirmations.Outcome outcome = paper.paperReceived(projectId, monthId, version, CurrentUser.require());
        redirect.addFlashAttribute("flash", "time.outcome." + outcome.name());
        return "redirect:/admin/projects/" + projectId + "/time/" + monthId;
    }

    private ResponseEntity<byte[]> sheets(List<MonthView> views, String filename, Locale locale) {
        byte[] body = pdf.render("pdf/timereporting/paper-sheet", Map.of("sheets", PaperSheets.of(views, locale)), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
