package se.kompetensportal.surveys.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.ResultsService;
import se.kompetensportal.surveys.domain.Results;
import se.kompetensportal.surveys.domain.ResultsScope;

/**
 * Results of evaluations, per activity or per project (optionally one track, one organisation, a period), as a page
 * with charts and tables, an Excel workbook ({@link ResultsWorkbook}) and a PDF summary. For staff and the project's steering group.
 */
@Controller
class ResultsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ResultsService results;
    private final EvaluationService evaluations;
    private final PdfRenderer pdf;
    private final ResultsWorkbook workbook;

    ResultsController(ResultsService results, EvaluationService evaluations, PdfRenderer pdf,
            ResultsWorkbook workbook) {
        this.results = results;
        this.evaluations = evaluations;
        this.pdf = pdf;
        this.workbook = workbook;
    }

    @GetMapping("/admin/evaluations/results")
    String project(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) Long trackId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long organisationId, Model model, Locale locale) {
        List<ProjectInfo> projects = evaluations.projects(user, false);
        long project = EvaluationAdminController.chosen(projectId, projects);
        model.addAttribute("projects", projects);
        model.addAttribute("results", results.results(user, new ResultsScope(project, null, trackId, from, to,
                organisationId), locale));
        model.addAttribute("exportQuery", query(project, trackId, from, to, organisationId));
        return "surveys/results";
    }

    @GetMapping("/admin/evaluations/{id}/results")
    String evaluation(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model, Locale locale) {
        model.addAttribute("results", results.results(user, results.scopeOfEvaluation(id), locale));
        model.addAttribute("evaluationId", id);
        return "surveys/results";
    }

    @GetMapping("/admin/surveys/{id}/results")
    String survey(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long targetGroupId, @RequestParam(required = false) Long interestTrackId,
            Model model, Locale locale) {
        model.addAttribute("results", results.results(user, results.scopeOfSurvey(id, organisationId, targetGroupId,
                interestTrackId), locale));
        model.addAttribute("surveyId", id);
        model.addAttribute("exportQuery", surveyQuery(organisationId, targetGroupId, interestTrackId));
        return "surveys/results";
    }

    @GetMapping("/admin/surveys/{id}/results.xlsx")
    ResponseEntity<byte[]> surveyExcel(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long targetGroupId, @RequestParam(required = false) Long interestTrackId,
            Locale locale) {
        ResultsScope scope = results.scopeOfSurvey(id, organisationId, targetGroupId, interestTrackId);
        return excel(results.results(user, scope, locale), locale);
    }

    @GetMapping("/admin/surveys/{id}/results.pdf")
    ResponseEntity<byte[]> surveyPdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long targetGroupId, @RequestParam(required = false) Long interestTrackId,
            Locale locale) {
        ResultsScope scope = results.scopeOfSurvey(id, organisationId, targetGroupId, interestTrackId);
        return pdf(results.results(user, scope, locale), locale);
    }

    private static String surveyQuery(Long organisationId, Long targetGroupId, Long interestTrackId) {
        StringBuilder q = new StringBuilder();
        if (organisationId != null) {
            q.append("&organisationId=").append(organisationId);
        }
        if (targetGroupId != null) {
            q.append("&targetGroupId=").append(targetGroupId);
        }
        if (interestTrackId != null) {
            q.append("&interestTrackId=").append(interestTrackId);
        }
        return q.isEmpty() ? "" : q.substring(1);
    }

    @GetMapping("/admin/evaluations/results.xlsx")
    ResponseEntity<byte[]> projectExcel(@AuthenticationPrincipal PortalUser user, @RequestParam long projectId,
            @RequestParam(required = false) Long trackId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long organisationId, Locale locale) {
        return excel(results.results(user, new ResultsScope(projectId, null, trackId, from, to, organisationId),
                locale), locale);
    }

    @GetMapping("/admin/evaluations/{id}/results.xlsx")
    ResponseEntity<byte[]> evaluationExcel(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            Locale locale) {
        return excel(results.results(user, results.scopeOfEvaluation(id), locale), locale);
    }

    @GetMapping("/admin/evaluations/results.pdf")
    ResponseEntity<byte[]> projectPdf(@AuthenticationPrincipal PortalUser user, @RequestParam long projectId,
            @RequestParam(required = false) Long trackId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long organisationId, Locale locale) {
        return pdf(results.results(user, new ResultsScope(projectId, null, trackId, from, to, organisationId),
                locale), locale);
    }

    @GetMapping("/admin/evaluations/{id}/results.pdf")
    ResponseEntity<byte[]> evaluationPdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
            Locale locale) {
        return pdf(results.results(user, results.scopeOfEvaluation(id), locale), locale);
    }

    private ResponseEntity<byte[]> pdf(Results r, Locale locale) {
        byte[] body = pdf.render("pdf/surveys/results", Map.of("results", r), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName(r) + ".pdf").build().toString())
                .body(body);
    }

    private ResponseEntity<byte[]> excel(Results r, Locale locale) {
        byte[] workbook = this.workbook.write(r, locale);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(r) + ".xlsx").build().toString())
                .body(workbook);
    }

    private static String fileName(Results r) {
        return r.survey() ? "enkat-" + r.scope().evaluationId() : "utvardering-" + r.scope().projectId();
    }

    private static String query(long projectId, Long trackId, LocalDate from, LocalDate to, Long organisationId) {
        StringBuilder q = new StringBuilder("projectId=" + projectId);
        if (trackId != null) {
            q.append("&trackId=").append(trackId);
        }
        if (from != null) {
            q.append("&from=").append(from);
        }
        if (to != null) {
            q.append("&to=").append(to);
        }
        if (organisationId != null) {
            q.append("&organisationId=").append(organisationId);
        }
        return q.toString();
    }
}
