package se.kompetensportal.surveys.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.Results;

/**
 * The results as an Excel workbook: a summary, every question's distribution (a matrix per statement and step, a
 * ranking per option), the statements against their targets, the free texts and the breakdowns. Suppressed figures
 * say so instead of a number.
 */
@Component
class ResultsWorkbook {

    private final MessageSource messages;

    ResultsWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    byte[] write(Results r, Locale locale) {
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
            for (Results.QuestionResult q : r.questions()) {
                if (q.suppressed()) {
                    sheet.row(q.text(), q.answers(), text("results.suppressed", locale));
                    continue;
                }
                if (q.kind() == QuestionKind.MATRIX) {
                    for (Results.MatrixRow row : q.matrix()) {
                        for (int i = 0; i < q.scaleLabels().size(); i++) {
                            sheet.row(q.text() + " – " + row.label(), row.answers(), q.scaleLabels().get(i),
                                    row.counts().get(i), round(row.percents().get(i)));
                        }
                    }
                    continue;
                }
                if (q.kind() == QuestionKind.RANKING) {
                    for (Results.RankRow row : q.ranking()) {
                        sheet.row(q.text(), q.answers(), row.label(), row.points(),
                                text("results.ranking.sheetNote", locale, row.first(),
                                        row.meanPlace() == null ? "–" : String.valueOf(round(row.meanPlace()))));
                    }
                    continue;
                }
                if (q.bars().isEmpty()) {
                    sheet.row(q.text(), q.answers());
                }
                for (Results.Bar bar : q.bars()) {
                    sheet.row(q.text(), q.answers(), bar.label(), bar.count(), round(bar.percent()));
                }
            }
            sheet.sheet(text("results.sheet.statements", locale), List.of(text("results.col.question", locale),
                    text("results.col.answers", locale), text("results.col.agreeing", locale),
                    text("results.col.percent", locale), text("results.col.target", locale)));
            for (Results.QuestionResult q : r.statements()) {
                sheet.row(q.text(), q.answers(), q.agreeing(), q.agreeingPercent() == null ? null : round(q.agreeingPercent()),
                        q.targetPercent());
            }
            sheet.sheet(text("results.sheet.texts", locale), List.of(text("results.col.question", locale),
                    text("results.col.text", locale)));
            for (Results.QuestionResult q : r.questions()) {
                q.texts().forEach(t -> sheet.row(q.text(), t));
            }
            List<String> headers = new ArrayList<>(List.of(text("results.col.breakdown", locale),
                    text("results.col.answers", locale)));
            r.statements().forEach(s -> headers.add(s.statementKey()));
            sheet.sheet(text("results.sheet.breakdowns", locale), headers);
            List<Results.BreakdownRow> rows = concat(concat(r.byTrack(), r.byOrganisation()),
                    concat(r.byTargetGroup(), r.byInterest()));
            for (Results.BreakdownRow row : rows) {
                List<Object> values = new ArrayList<>(List.of(row.label(),
                        row.suppressed() ? (Object) text("results.suppressedShort", locale) : row.responses()));
                row.statementPercents().forEach(p -> values.add(p == null ? text("results.suppressedShort", locale) : round(p)));
                sheet.row(values.toArray());
            }
            sheet.writeTo(out);
        }
        return out.toByteArray();
    }

    private static List<Results.BreakdownRow> concat(List<Results.BreakdownRow> a,
            List<Results.BreakdownRow> b) {
        List<Results.BreakdownRow> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
