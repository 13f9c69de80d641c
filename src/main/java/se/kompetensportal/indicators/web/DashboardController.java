package se.kompetensportal.indicators.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.indicators.domain.Dashboard;
import se.kompetensportal.indicators.domain.DashboardExports;
import se.kompetensportal.indicators.domain.DashboardService;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.shared.web.Slugs;
import tools.jackson.databind.json.JsonMapper;

/** The steering group's dashboards: the projects the user follows, one project's dashboard, and its exports. */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    private final DashboardService dashboards;
    private final DashboardExports exports;
    private final MessageSource messages;
    private final JsonMapper json;

    DashboardController(DashboardService dashboards, DashboardExports exports, MessageSource messages, JsonMapper json) {
        this.dashboards = dashboards;
        this.exports = exports;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String start(Model model) {
        model.addAttribute("projects", dashboards.followedProjects(CurrentUser.require()));
        return "indicators/dashboard-start";
    }

    @GetMapping("/projects/{projectId}")
    String dashboard(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale, Model model, HttpServletResponse response) {
        ProjectInfo project = dashboards.project(CurrentUser.require(), projectId);
        if (from != null && to != null && to.isBefore(from)) {
            response.setStatus(422);
            model.addAttribute("periodError", "dashboard.period.order");
            model.addAttribute("fromValue", from);
            model.addAttribute("toValue", to);
            from = null;
            to = null;
        }
        Dashboard d = dashboards.dashboard(CurrentUser.require(), project.id(), from, to, locale);
        model.addAttribute("d", d);
        model.addAttribute("curveChart", curveChart(d, locale));
        Map<String, String> charts = new LinkedHashMap<>();
        for (Dashboard.Breakdown b : d.breakdowns()) {
            charts.put(b.key(), barChart(b, locale));
        }
        model.addAttribute("breakdownCharts", charts);
        return "indicators/dashboard";
    }

    @GetMapping("/projects/{projectId}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale) {
        Dashboard d = dashboards.dashboard(CurrentUser.require(), projectId, from, ordered(from, to), locale);
        return file(exports.dashboardPdf(d, locale), MediaType.APPLICATION_PDF, name(d, "pdf"));
    }

    @GetMapping("/projects/{projectId}/export.xlsx")
    ResponseEntity<byte[]> excel(@PathVariable long projectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Locale locale) {
        Dashboard d = dashboards.dashboard(CurrentUser.require(), projectId, from, ordered(from, to), locale);
        return file(exports.dashboardExcel(d, locale),
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                name(d, "xlsx"));
    }

    private static LocalDate ordered(LocalDate from, LocalDate to) {
        return from != null && to != null && to.isBefore(from) ? null : to;
    }

    private static String name(Dashboard d, String extension) {
        return "indikatorer-" + Slugs.of(d.project().shortName()) + "-" + d.asOf() + "." + extension;
    }

    static ResponseEntity<byte[]> file(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(body);
    }

    private String curveChart(Dashboard d, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        List<Long> planned = new ArrayList<>();
        for (Dashboard.CurvePoint p : d.curve()) {
            labels.add(p.month().toString());
            cumulative.add(p.cumulative());
            planned.add(p.planned());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "line");
        chart.put("labels", labels);
        chart.put("datasets", List.of(
                Map.of("label", t("dashboard.cumulative", locale), "data", cumulative),
                Map.of("label", t("dashboard.planned", locale), "data", planned, "dashed", true)));
        return json.writeValueAsString(chart);
    }

    private String barChart(Dashboard.Breakdown b, Locale locale) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", "bar");
        chart.put("labels", b.rows().stream().map(r -> r.labelKey() != null ? t(r.labelKey(), locale) : r.label())
                .toList());
        chart.put("datasets", List.of(Map.of("label", t("dashboard.participants", locale), "data",
                b.rows().stream().map(Dashboard.Row::count).toList())));
        return json.writeValueAsString(chart);
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
