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
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.surveys.domain.DemandService;
import se.kompetensportal.surveys.domain.DemandService.DemandView;

/**
 * The demand view of a project: needs expressed in its mapping surveys and registered interest per track, target group
 * and actor, against the seats the catalogue plans; as a page, an Excel workbook and a PDF. For staff and the
 * project's steering group.
 */
@Controller
class DemandController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final DemandService demand;
    private final PdfRenderer pdf;
    private final MessageSource messages;

    DemandController(DemandService demand, PdfRenderer pdf, MessageSource messages) {
        this.demand = demand;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping("/admin/surveys/demand")
    String page(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) Long projectId,
            @RequestParam(required = false) Long surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model, Locale locale) {
        List<ProjectInfo> projects = demand.projects(user);
        long project = EvaluationAdminController.chosen(projectId, projects);
        model.addAttribute("projects", projects);
        model.addAttribute("demand", demand.demand(user, project, surveyId, from, to, locale));
        model.addAttribute("exportQuery", query(project, surveyId, from, to));
        return "surveys/demand";
    }

    @GetMapping("/admin/surveys/demand.xlsx")
    ResponseEntity<byte[]> excel(@AuthenticationPrincipal PortalUser user, @RequestParam long projectId,
            @RequestParam(required = false) Long surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        DemandView d = demand.demand(user, projectId, surveyId, from, to, locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String tooFew = text("results.suppressedShort", locale);
        try (SpreadsheetWriter sheet = new SpreadsheetWriter()) {
            sheet.sheet(text("demand.sheet.tracks", locale), List.of(text("demand.col.track", locale),
                    text("demand.col.needs", locale), text("demand.col.needsPercent", locale),
                    text("demand.col.interest", locale), text("demand.col.plannedActivities", locale),
                    text("demand.col.plannedSeats", locale), text("demand.col.seatsTaken", locale),
                    text("demand.col.balance", locale)));
            for (DemandService.TrackDemand t : d.tracks()) {
                sheet.row(t.track().position() + ". " + t.track().name(), t.needs() == null ? tooFew : t.needs(),
                        t.needsPercent() == null ? null : Math.round(t.needsPercent() * 10) / 10.0, t.interest(),
                        t.plannedActivities(), t.plannedSeats(), t.seatsTaken(), t.balance());
            }
            groups(sheet, text("demand.sheet.targetGroups", locale), text("demand.col.targetGroup", locale),
                    d.byTargetGroup(), d, locale, true);
            groups(sheet, text("demand.sheet.actors", locale), text("demand.col.actor", locale), d.byActor(), d, locale,
                    false);
            sheet.writeTo(out);
        }
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("efterfragan-" + projectId + ".xlsx").build().toString())
                .body(out.toByteArray());
    }

    private void groups(SpreadsheetWriter sheet, String name, String first, List<DemandService.GroupDemand> rows,
            DemandView d, Locale locale, boolean seats) {
        List<String> headers = new ArrayList<>(List.of(first, text("demand.col.respondents", locale)));
        d.tracks().forEach(t -> headers.add(t.track().position() + ". " + t.track().name()));
        headers.add(text("demand.col.interest", locale));
        if (seats) {
            headers.add(text("demand.col.plannedSeats", locale));
        }
        sheet.sheet(name, headers);
        String tooFew = text("results.suppressedShort", locale);
        for (DemandService.GroupDemand g : rows) {
            List<Object> values = new ArrayList<>();
            values.add(g.label());
            values.add(g.suppressed() ? tooFew : g.respondents());
            for (int i = 0; i < d.tracks().size(); i++) {
                values.add(g.suppressed() ? tooFew : g.needs().get(i));
            }
            values.add(g.interest());
            if (seats) {
                values.add(g.plannedSeats());
            }
            sheet.row(values.toArray());
        }
    }

    @GetMapping("/admin/surveys/demand.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PortalUser user, @RequestParam long projectId,
            @RequestParam(required = false) Long surveyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale) {
        DemandView d = demand.demand(user, projectId, surveyId, from, to, locale);
        byte[] body = pdf.render("pdf/surveys/demand", Map.of("demand", d), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("efterfragan-" + projectId + ".pdf").build().toString())
                .body(body);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static String query(long projectId, Long surveyId, LocalDate from, LocalDate to) {
        StringBuilder q = new StringBuilder("projectId=" + projectId);
        if (surveyId != null) {
            q.append("&surveyId=").append(surveyId);
        }
        if (from != null) {
            q.append("&from=").append(from);
        }
        if (to != null) {
            q.append("&to=").append(to);
        }
        return q.toString();
    }
}
