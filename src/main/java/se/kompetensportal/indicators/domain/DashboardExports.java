package se.kompetensportal.indicators.domain;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.pdf.PdfRenderer;

/** The dashboard and the progress report as documents: PDF for the steering group's meeting, Excel for further work. */
@Service
public class DashboardExports {

    private final PdfRenderer pdf;
    private final MessageSource messages;

    DashboardExports(PdfRenderer pdf, MessageSource messages) {
        this.pdf = pdf;
        this.messages = messages;
    }

    public byte[] dashboardPdf(Dashboard dashboard, Locale locale) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("d", dashboard);
        return pdf.render("pdf/indicators/dashboard", vars, locale);
    }

    public byte[] progressReportPdf(ProgressReport report, Locale locale) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("r", report);
        return pdf.render("pdf/indicators/progress-report", vars, locale);
    }

    public byte[] dashboardExcel(Dashboard d, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetWriter sheet = new SpreadsheetWriter()) {
            sheet.sheet(t("dashboard.sheet.indicators", locale), java.util.List.of(t("indicator.name", locale),
                    t("indicator.subGoal", locale), t("indicator.period", locale), t("dashboard.year", locale),
                    t("dashboard.actual", locale), t("dashboard.unit", locale), t("indicator.comparison", locale),
                    t("indicator.target", locale), t("indicator.targetMax", locale), t("dashboard.forecast", locale),
                    t("dashboard.status", locale), t("dashboard.note", locale)));
            for (IndicatorResult r : d.indicators()) {
                var rows = r.years().isEmpty() ? java.util.List.of(r.current()) : r.years();
                for (Measurement m : rows) {
                    sheet.row(r.name(), r.subGoal() == null ? "" : r.subGoal(),
                            t("indicator.period." + r.period(), locale), m.year() == null ? "" : m.year(),
                            m.actual() == null ? "" : round(m.actual()), t("indicator.unit." + r.unit(), locale),
                            t("indicator.comparison." + r.comparison(), locale), r.target(),
                            r.targetMax() == null ? "" : r.targetMax(), m.forecast() == null ? "" : round(m.forecast()),
                            t("indicator.status." + m.status(), locale),
                            m.noteKey() == null ? "" : t(m.noteKey(), locale));
                }
            }
            sheet.sheet(t("dashboard.sheet.curve", locale), java.util.List.of(t("dashboard.month", locale),
                    t("dashboard.newParticipants", locale), t("dashboard.cumulative", locale),
                    t("dashboard.planned", locale)));
            for (Dashboard.CurvePoint p : d.curve()) {
                sheet.row(p.month().toString(), p.newParticipants(), p.cumulative(),
                        p.planned() == null ? "" : p.planned());
            }
            for (Dashboard.Breakdown b : d.breakdowns()) {
                sheet.sheet(t("dashboard.breakdown." + b.key(), locale), java.util.List.of(
                        t("dashboard.breakdown." + b.key(), locale), t("dashboard.participants", locale)));
                for (Dashboard.Row row : b.rows()) {
                    sheet.row(row.labelKey() != null ? t(row.labelKey(), locale) : row.label(), row.count());
                }
            }
            sheet.writeTo(out);
        }
        return out.toByteArray();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private String t(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
