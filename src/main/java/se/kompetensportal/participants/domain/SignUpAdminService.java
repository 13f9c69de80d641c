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
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.projects.ProjectLookup;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary's work on one activity's sign-ups: the lists, adding a person, moving people between seats and the
 * waiting list, cancelling, raising the seats, and the exports. Only for projects the secretary manages.
 */
@Service
public class SignUpAdminService {

    /**
     * An activity's sign-ups with their attendance; takes the activity's id twice. The attendance is aggregated once
     * for the activity (by its index) and a waiting place is counted by a window over the activity's sign-ups, so the
     * query is one pass however many rows it returns (the 100 000-row export, docs/benchmarks.md).
     */
    private static final String ROWS = """
            with att as (
                select a.sign_up_id, count(*) filter (where a.attended) as attended, count(*) as recorded,
                       coalesce(sum(a.minutes) filter (where a.attended), 0) as minutes
                from attendance a where a.activity_id = ? group by a.sign_up_id)
            select s.id, p.id as person_id, p.first_name, p.last_name, p.email, p.phone,
                   p.employer_organisation_id, p.employer_name, p.job_title, p.gender,
                   s.target_group_id, s.special_needs, s.status, s.created_at,
                   case when s.status = 'WAITING' then
                       count(*) over (partition by s.status order by s.waiting_since) else 0 end as position,
                   coalesce(att.attended, 0) as attended, coalesce(att.recorded, 0) as recorded,
                   coalesce(att.minutes, 0) as minutes
            from sign_up s
            join person p on p.id = s.person_id
            left join att on att.sign_up_id = s.id
            where s.activity_id = ?""";

    private final ActivitiesApi activities;
    private final ProjectLookup lookup;
    private final SignUpService seats;
    private final PersonRepository people;
    private final PersonProfiles profiles;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final SignUpQuestions questions;

    SignUpAdminService(ActivitiesApi activities, ProjectLookup lookup, SignUpService seats, PersonRepository people,
            PersonProfiles profiles, JdbcTemplate jdbc, MessageSource messages, Clock clock, SignUpQuestions questions) {
        this.questions = questions;
        this.activities = activities;
        this.lookup = lookup;
        this.seats = seats;
        this.people = people;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ActivitySignUps signUps(long activityId) {
        ActivityInfo activity = managed(activityId);
        SignUpLabels labels = SignUpLabels.of(jdbc, lookup, activityId);
        List<ActivitySignUps.Row> rows = jdbc.query(ROWS + " order by s.status, position, lower(p.last_name), p.id",
                (rs, i) -> row(rs, labels), activityId, activityId);
        var today = java.time.LocalDate.now(clock);
        List<ActivitySignUps.SessionLink> sessions = activities.sessions(activityId).stream()
                .map(s -> new ActivitySignUps.SessionLink(s.id(), s.date(), s.start(), !s.date().isAfter(today)))
                .toList();
        Integer recorded = jdbc.queryForObject("select count(distinct session_id) from attendance where activity_id = ?",
                Integer.class, activityId);
        List<ActivitySignUps.Row> seated = rows.stream()
                .filter(r -> r.status() == SignUpStatus.CONFIRMED || r.status() == SignUpStatus.PENDING).toList();
        return new ActivitySignUps(activity, seated, filter(rows, SignUpStatus.WAITING),
                filter(rows, SignUpStatus.CANCELLED), recorded == null ? 0 : recorded, sessions,
                answerLines(activityId, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
    }

    /** Signs up an existing person (found by e-mail) or a new one the secretary describes. */
    @Transactional
    public SignUpResult addPerson(long activityId, NewPersonForm form) {
        ActivityInfo activity = managed(activityId);
        Person person = people.findActiveByEmail(form.email().strip()).orElse(null);
        if (person == null) {
            if (form.firstName() == null || form.firstName().isBlank()) {
                throw new FieldRejectedException("firstName", "NotBlank");
            }
            if (form.lastName() == null || form.lastName().isBlank()) {
                throw new FieldRejectedException("lastName", "NotBlank");
            }
            if (form.gender() == null) {
                throw new FieldRejectedException("gender", "NotNull");
            }
            person = new Person(form.email().strip().toLowerCase(Locale.ROOT), form.firstName(), form.lastName(),
                    form.gender());
            profiles.apply(new ProfileForm(form.firstName(), form.lastName(), null, form.employerOrganisationId(),
                    form.employerName(), null, form.gender(), null, null), person);
            person = people.saveAndFlush(person);
        }
        return seats.signUp(activity, person, form.targetGroupId(), PersonProfiles.blankToNull(form.specialNeeds()),
                true);
    }

    @Transactional
    public long cancel(long signUpId) {
        long activityId = activityOf(signUpId);
        managed(activityId);
        seats.cancel(signUpId, CancelledBy.SECRETARY);
        return activityId;
    }

    @Transactional
    public long moveToSeat(long signUpId) {
        long activityId = activityOf(signUpId);
        managed(activityId);
        seats.moveToSeat(signUpId);
        return activityId;
    }

    @Transactional
    public long moveToWaitingList(long signUpId) {
        long activityId = activityOf(signUpId);
        managed(activityId);
        seats.moveToWaitingList(signUpId);
        return activityId;
    }

    /** Raises (or lowers, not below the seats taken) the number of seats; free seats go to the waiting list. */
    @Transactional
    public int changeSeats(long activityId, int newSeats) {
        ActivityInfo activity = managed(activityId);
        if (newSeats < activity.seatsTaken()) {
            throw new FieldRejectedException("seats", "signUp.seats.belowTaken", activity.seatsTaken());
        }
        activities.changeSeats(activityId, newSeats);
        return seats.fillFreeSeats(activityId);
    }

    /** Streams the sign-ups as an Excel workbook: one row at a time, whatever the number of rows. */
    @Transactional(readOnly = true)
    public void exportExcel(long activityId, Locale locale, OutputStream out) {
        managed(activityId);
        SignUpLabels labels = SignUpLabels.of(jdbc, lookup, activityId);
        Answers answers = new Answers(questions.of(activityId), questions.answers(activityId));
        try (SpreadsheetWriter sheet = new SpreadsheetWriter()) {
            sheet.sheet(text("export.sheet", locale), headers(locale, answers));
            jdbc.query(con -> {
                var ps = con.prepareStatement(ROWS + " order by s.status, position, lower(p.last_name), p.id");
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
    public void exportCsv(long activityId, Locale locale, OutputStream out) {
        managed(activityId);
        SignUpLabels labels = SignUpLabels.of(jdbc, lookup, activityId);
        Answers answers = new Answers(questions.of(activityId), questions.answers(activityId));
        PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        writer.println(csvLine(headers(locale, answers)));
        jdbc.query(con -> {
            var ps = con.prepareStatement(ROWS + " order by s.status, position, lower(p.last_name), p.id");
            ps.setFetchSize(500);
            ps.setLong(1, activityId);
            ps.setLong(2, activityId);
            return ps;
        }, (RowCallbackHandler) rs -> writer.println(csvLine(values(rs, locale, labels, answers).stream()
                .map(v -> csvText(v, locale)).toList())));
        writer.flush();
    }

    public String activityTitle(long activityId) {
        return activities.activity(activityId).map(ActivityInfo::title).orElse("");
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

    /** Per sign-up, "question: answer" lines in the language, for the list. */
    private java.util.Map<Long, List<String>> answerLines(long activityId, Locale locale) {
        List<SignUpQuestion> asked = questions.of(activityId);
        java.util.Map<Long, List<String>> lines = new java.util.HashMap<>();
        questions.answers(activityId).forEach((signUpId, given) -> lines.put(signUpId, asked.stream()
                .filter(q -> given.containsKey(q.id()))
                .map(q -> q.text(locale) + ": " + display(q, given.get(q.id()), locale)).toList()));
        return lines;
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
        return String.join(";", values.stream().map(SignUpAdminService::csvCell).toList());
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

    private ActivitySignUps.Row row(ResultSet rs, SignUpLabels labels) throws SQLException {
        return new ActivitySignUps.Row(rs.getLong("id"), rs.getLong("person_id"),
                rs.getString("first_name") + " " + rs.getString("last_name"), rs.getString("email"),
                labels.organisation(rs), Gender.valueOf(rs.getString("gender")), labels.targetGroup(rs),
                rs.getString("special_needs"), SignUpStatus.valueOf(rs.getString("status")), rs.getLong("position"),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("attended"), rs.getInt("recorded"));
    }

    private static List<ActivitySignUps.Row> filter(List<ActivitySignUps.Row> rows, SignUpStatus status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }

    private long activityOf(long signUpId) {
        List<Long> ids = jdbc.queryForList("select activity_id from sign_up where id = ?", Long.class, signUpId);
        if (ids.isEmpty()) {
            throw new NotFoundException("SignUp", signUpId);
        }
        return ids.getFirst();
    }

    private ActivityInfo managed(long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        CurrentUser.requireManage(activity.projectId());
        return activity;
    }
}
