package se.kompetensportal.participants.domain;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ProjectLookup;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.security.PortalUser;

/**
 * An activity's sign-ups as Excel and CSV for the secretary: streamed one row at a time, whatever the number of rows,
 * with the answers to the activity's questions as columns. Only for projects the acting user manages.
 */
@Service
public class SignUpExports {

    private final SignUpAdminService admin;
    private final ProjectLookup lookup;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final SignUpQuestions questions;

    SignUpExports(SignUpAdminService admin, ProjectLookup lookup, JdbcTemplate jdbc, MessageSource messages,
            Clock clock, SignUpQuestions questions) {
        this.admin = admin;
        this.lookup = lookup;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.questions = questions;
    }

    /** Streams the sign-ups as an Excel workbook: one row at a time, whatever the number of rows. */
    @Transactional(readOnly = true)
    public void exportExcel(PortalUser user, long activityId, Locale locale, OutputStream out) {
        admin.managed(user, activityId);
        SignUpLabels labels = SignUpLabels.of(jdbc, lookup, activityId);
        Answers answers = new Answers(questions.of(activityId), questions.answers(activityId));
        try (SpreadsheetWriter sheet = new SpreadsheetWriter()) {
            sheet.sheet(text("export.sheet", locale), headers(locale, answers));
            jdbc.query(con -> {
                var ps = con.prepareStatement(SignUpRows.ORDERED);
                ps.setFetchSize(500);
                ps.setLong(1, activityId);
                ps.setLong(2, activityId);
                return ps;
            }, (RowCallbackHandler) rs -> sheet.row(values(rs, locale, labels, answers).toArray()));
            sheet.writeTo(out);
        }
    }

    /** The same as CSV (semicolon-separated, UTF-8 with byte-order mark, as Swedish Excel opens it). */
    @Transactional(readOnly = true)
    public void exportCsv(PortalUser user, long activityId, Locale locale, OutputStream out) {
        admin.managed(user, activityId);
        SignUpLabels labels = SignUpLabels.of(jdbc, lookup, activityId);
        Answers answers = new Answers(questions.of(activityId), questions.answers(activityId));
        PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        writer.println(csvLine(headers(locale, answers)));
        jdbc.query(con -> {
            var ps = con.prepareStatement(SignUpRows.ORDERED);
            ps.setFetchSize(500);
            ps.setLong(1, activityId);
            ps.setLong(2, activityId);
            return ps;
        }, (RowCallbackHandler) rs -> writer.println(csvLine(values(rs, locale, labels, answers).stream()
                .map(v -> csvText(v, locale)).toList())));
        writer.flush();
    }

    /** The activity's questions and the answers, read once before the rows are streamed. */
    private record Answers(List<SignUpQuestion> questions, java.util.Map<Long, java.util.Map<Long, String>> bySignUp) {
    }

    private List<String> headers(Locale locale, Answers answers) {
        List<String> headers = new ArrayList<>(List.of("status", "position", "firstName", "lastName", "email", "phone",
                "organisation", "jobTitle", "gender", "targetGroup", "specialNeeds", "signedUp", "sessionsAttended",
                "hours").stream().map(h -> text("export." + h, locale)).toList());
        answers.questions().forEach(q -> headers.add(q.text(locale)));
        return headers;
    }

    private String display(SignUpQuestion q, String answer, Locale locale) {
        return q.display(answer, locale, text("signUpQuestion.YES", locale), text("signUpQuestion.NO", locale));
    }

    private List<Object> values(ResultSet rs, Locale locale, SignUpLabels labels, Answers answers) throws SQLException {
        List<Object> values = new ArrayList<>();
        values.add(text("signUp.status." + rs.getString("status"), locale));
        long position = rs.getLong("position");
        values.add(position > 0 ? position : null);
        values.add(rs.getString("first_name"));
        values.add(rs.getString("last_name"));
        values.add(rs.getString("email"));
        values.add(rs.getString("phone"));
        values.add(labels.organisation(rs));
        values.add(rs.getString("job_title"));
        values.add(text("gender." + rs.getString("gender"), locale));
        values.add(labels.targetGroup(rs));
        values.add(rs.getString("special_needs"));
        values.add(rs.getTimestamp("created_at").toInstant().atZone(clock.getZone()).toLocalDateTime());
        values.add(rs.getInt("attended"));
        values.add(Math.round(rs.getLong("minutes") / 6.0) / 10.0);
        java.util.Map<Long, String> given = answers.bySignUp().getOrDefault(rs.getLong("id"), java.util.Map.of());
        answers.questions().forEach(q -> values.add(display(q, given.get(q.id()), locale)));
        return values;
    }

    private static String csvLine(List<String> values) {
        return String.join(";", values.stream().map(SignUpExports::csvCell).toList());
    }

    /** Dates as "2026-03-14 09:05", decimals with the language's separator (a comma in Swedish). */
    private static String csvText(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.time.LocalDateTime t) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t);
        }
        if (value instanceof Double d) {
            String text = Double.toString(d);
            return "sv".equals(locale.getLanguage()) ? text.replace('.', ',') : text;
        }
        return value.toString();
    }

    /** Quotes what needs quoting, and defuses text a spreadsheet would run as a formula (CSV injection). */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String cell = value;
        if (!cell.isEmpty() && ("=@\t\r".indexOf(cell.charAt(0)) >= 0 || cell.matches("^[+\\-][^0-9 ].*"))) {
            cell = "'" + cell;
        }
        if (cell.contains(";") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
