package se.kompetensportal.surveys.web;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.ResultsService;
import se.kompetensportal.surveys.domain.ResultsService.Results;
import se.kompetensportal.surveys.domain.ResultsService.Scope;

/**
 * Results of evaluations, per activity or per project (optionally one track, one organisation, a period), as a page
 * with charts and tables, an Excel workbook and a PDF summary. For staff and the project's steering group.
 */
@Controller
class ResultsController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ResultsService results;
    private final EvaluationService evaluations;
    private final PdfRenderer pdf;
    private final MessageSource messages;

    ResultsController(ResultsService results, EvaluationService evaluations, PdfRenderer pdf, MessageSource messages) {
        this.results = results;
        this.evaluations = evaluations;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/admin/evaluations/results")
    String project(@RequestParam(required = false) Long projectId, @RequestParam(required = false) Long trackId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long organisationId, Model model, Locale locale) {
        List<ProjectInfo> projects = evaluations.projects(false);
        long project = EvaluationAdminController.chosen(projectId, projects);
        model.addAttribute("projects", projects);
        model.addAttribute("results", results.results(new Scope(project, null, trackId, from, to, organisationId), locale));
        model.addAttribute("exportQuery", query(project, trackId, from, to, organisationId));
        return "surveys/results";
    }

    @GetMapping("/admin/evaluations/{id}/results")
    String evaluation(@PathVariable long id, Model model, Locale locale) {
        model.addAttribute("results", results.results(results.scopeOfEvaluation(id), locale));
        model.addAttribute("evaluationId", id);
        return "surveys/results";
    }

    @GetMapping("/admin/surveys/{id}/results")
    String survey(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long targetGroupId, @RequestParam(required = false) Long interestTrackId,
            Model model, Locale locale) {
        model.addAttribute("results", results.results(results.scopeOfSurvey(id, organisationId, targetGroupId,
                interestTrackId), locale));
        model.addAttribute("surveyId", id);
        model.addAttribute("exportQuery", surveyQuery(organisationId, targetGroupId, interestTrackId));
        return "surveys/results";
    }

    @GetMapping("/admin/surveys/{id}/results.xlsx")
    ResponseEntity<byte[]> surveyExcel(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long targetGroupId, @RequestParam(required = false) Long interestTrackId,
            Locale locale) {
        return excel(results.results(results.scopeOfSurvey(id, organisationId, targetGroupId, interestTrackId), locale),
                locale);
    }

    @GetMapping("/admin/surveys/{id}/results.pdf")
    ResponseEntity<byte[]> surveyPdf(@PathVariable long id, @RequestParam(required = false) Long organisationId,
            @RequestParam(required = false) Long targetGroupId, @RequestParam(required = false) Long interestTrackId,
            Locale locale) {
        return pdf(results.results(results.scopeOfSurvey(id, organisationId, targetGroupId, interestTrackId), locale),
                locale);
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
    ResponseEntity<byte[]> projectExcel(@RequestParam long projectId, @RequestParam(required = false) Long trackId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long organisationId, Locale locale) {
        return excel(results.results(new Scope(projectId, null, trackId, from, to, organisationId), locale), locale);
    }

    @GetMapping("/admin/evaluations/{id}/results.xlsx")
    ResponseEntity<byte[]> evaluationExcel(@PathVariable long id, Locale locale) {
        return excel(results.results(results.scopeOfEvaluation(id), locale), locale);
    }

    @GetMapping("/admin/evaluations/results.pdf")
    ResponseEntity<byte[]> projectPdf(@RequestParam long projectId, @RequestParam(required = false) Long trackId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long organisationId, Locale locale) {
        return pdf(results.results(new Scope(projectId, null, trackId, from, to, organisationId), locale), locale);
    }

    @GetMapping("/admin/evaluations/{id}/results.pdf")
    ResponseEntity<byte[]> evaluationPdf(@PathVariable long id, Locale locale) {
        return pdf(results.results(results.scopeOfEvaluation(id), locale), locale);
    }

    private ResponseEntity<byte[]> pdf(Results r, Locale locale) {
        byte[] body = pdf.render("pdf/surveys/results", Map.of("results", r), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName(r) + ".pdf").build().toString())
                .body(body);
    }

    private ResponseEntity<byte[]> excel(Results r, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetWriter sheet = new SpreadsheetWriter()) {
            sheet.sheet(text("results.sheet.summary", locale), List.of(text("results.col.what", locale),
                    text("results.col.value", locale)));
            sheet.row(text("results.title", locale), r.title());
            sheet.row(text("results.responses", locale), r.responses());
            sheet.row(text("results.webResponses", locale), r.webResponses());
            sheet.row(text("results.paperResponses", locale), r.paperResponses());
            sheet.row(text("results.invitations", locale), r.invitations());
            sheet.row(text("results.responseRate", locale), r.responsePercent());
            sheet.sheet(text("results.sheet.questions", locale), List.of(text("results.col.question", locale),
                    text("results.col.answers", locale), text("results.col.choice", locale),
                    text("results.col.count", locale), text("results.col.percent", locale)));
            for (ResultsService.QuestionResult q : r.questions()) {
                if (q.suppressed()) {
                    sheet.row(q.text(), q.answers(), text("results.suppressed", locale));
                    continue;
                }
                if (q.kind() == QuestionKind.MATRIX) {
                    for (ResultsService.MatrixRow row : q.matrix()) {
                        for (int i = 0; i < q.scaleLabels().size(); i++) {
                            sheet.row(q.text() + " – " + row.label(), row.answers(), q.scaleLabels().get(i),
                                    row.counts().get(i), round(row.percents().get(i)));
                        }
                    }
                    continue;
                }
                if (q.kind() == QuestionKind.RANKING) {
                    for (ResultsService.RankRow row : q.ranking()) {
                        sheet.row(q.text(), q.answers(), row.label(), row.points(),
                                text("results.ranking.sheetNote", locale, row.first(),
                                        row.meanPlace() == null ? "–" : String.valueOf(round(row.meanPlace()))));
                    }
                    continue;
                }
                if (q.bars().isEmpty()) {
                    sheet.row(q.text(), q.answers());
                }
                for (ResultsService.Bar bar : q.bars()) {
                    sheet.row(q.text(), q.answers(), bar.label(), bar.count(), round(bar.percent()));
                }
            }
            sheet.sheet(text("results.sheet.statements", locale), List.of(text("results.col.question", locale),
                    text("results.col.answers", locale), text("results.col.agreeing", locale),
                    text("results.col.percent", locale), text("results.col.target", locale)));
            for (ResultsService.QuestionResult q : r.statements()) {
                sheet.row(q.text(), q.answers(), q.agreeing(), q.agreeingPercent() == null ? null : round(q.agreeingPercent()),
                        q.targetPercent());
            }
            sheet.sheet(text("results.sheet.texts", locale), List.of(text("results.col.question", locale),
                    text("results.col.text", locale)));
            for (ResultsService.QuestionResult q : r.questions()) {
                q.texts().forEach(t -> sheet.row(q.text(), t));
            }
            List<String> headers = new ArrayList<>(List.of(text("results.col.breakdown", locale),
                    text("results.col.answers", locale)));
            r.statements().forEach(s -> headers.add(s.statementKey()));
            sheet.sheet(text("results.sheet.breakdowns", locale), headers);
            List<ResultsService.BreakdownRow> rows = concat(concat(r.byTrack(), r.byOrganisation()),
                    concat(r.byTargetGroup(), r.byInterest()));
            for (ResultsService.BreakdownRow row : rows) {
                List<Object> values = new ArrayList<>(List.of(row.label(),
                        row.suppressed() ? (Object) text("results.suppressedShort", locale) : row.responses()));
                row.statementPercents().forEach(p -> values.add(p == null ? text("results.suppressedShort", locale) : round(p)));
                sheet.row(values.toArray());
            }
            sheet.writeTo(out);
        }
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName(r) + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    private static List<ResultsService.BreakdownRow> concat(List<ResultsService.BreakdownRow> a,
            List<ResultsService.BreakdownRow> b) {
        List<ResultsService.BreakdownRow> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String fileName(Results r) {
        return r.survey() ? "enkat-" + r.scope().evaluationId() : "utvardering-" + r.scope().projectId();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
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
