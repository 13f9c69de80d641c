package se.kompetensportal.participants.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivitySnapshot;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.projects.ProjectLookup;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary's work on one activity's sign-ups: the lists, adding a person, moving people between seats and the
 * waiting list, cancelling, raising the seats (the exports are {@link SignUpExports}). Only for projects the acting
 * user manages.
 */
@Service
public class SignUpAdminService {

    private final ActivitiesApi activities;
    private final ProjectLookup lookup;
    private final SignUpService seats;
    private final WaitingList waitingList;
    private final PersonRepository people;
    private final PersonProfiles profiles;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final SignUpQuestions questions;

    SignUpAdminService(ActivitiesApi activities, ProjectLookup lookup, SignUpService seats, WaitingList waitingList,
            PersonRepository people, PersonProfiles profiles, JdbcTemplate jdbc, MessageSource messages, Clock clock,
            SignUpQuestions questions) {
        this.waitingList = waitingList;
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
    public ActivitySignUps signUps(PortalUser user, long activityId) {
        ActivityInfo activity = managed(user, activityId);
        SignUpLabels labels = SignUpLabels.of(jdbc, lookup, activityId);
        List<ActivitySignUps.Row> rows = jdbc.query(SignUpRows.ORDERED,
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
    public SignUpResult addPerson(PortalUser user, long activityId, NewPersonForm form) {
        ActivitySnapshot activity = activities.snapshot(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        requireManage(user, activity.info().projectId());
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
                true, null);
    }

    @Transactional
    public long cancel(PortalUser user, long signUpId) {
        long activityId = activityOf(signUpId);
        managed(user, activityId);
        seats.cancel(signUpId, CancelledBy.SECRETARY);
        return activityId;
    }

    @Transactional
    public long moveToSeat(PortalUser user, long signUpId) {
        long activityId = activityOf(signUpId);
        managed(user, activityId);
        waitingList.moveToSeat(signUpId);
        return activityId;
    }

    @Transactional
    public long moveToWaitingList(PortalUser user, long signUpId) {
        long activityId = activityOf(signUpId);
        managed(user, activityId);
        waitingList.moveToWaitingList(signUpId);
        return activityId;
    }

    /** Raises (or lowers, not below the seats taken) the number of seats; free seats go to the waiting list. */
    @Transactional
    public int changeSeats(PortalUser user, long activityId, int newSeats) {
        ActivityInfo activity = managed(user, activityId);
        if (newSeats < activity.seatsTaken()) {
            throw new FieldRejectedException("seats", "signUp.seats.belowTaken", activity.seatsTaken());
        }
        activities.changeSeats(activityId, newSeats);
        return waitingList.fillFreeSeats(activityId);
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

    /** The activity, if the acting user manages its project (else 403; 404 when there is no such activity). */
    ActivityInfo managed(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        requireManage(user, activity.projectId());
        return activity;
    }

    private static void requireManage(PortalUser user, long projectId) {
        if (!user.canManageProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not managed by user " + user.id());
        }
    }
}
