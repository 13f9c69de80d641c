package se.kompetensportal.participants.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The questions an activity asks at sign-up and their answers. The secretary of the activity's project writes them;
 * the sign-up form shows them (answers[id] answers the question with that id); the sign-up list, its exports and the
 * person's own-data export show the answers. Answers go with the sign-up (cascade) and with the person's erasure.
 */
@Service
public class SignUpQuestions {

    static final int MAX_ANSWER = 1000;

    private static final RowMapper<SignUpQuestion> ROW = (rs, i) -> new SignUpQuestion(rs.getLong("id"),
            rs.getLong("activity_id"), rs.getInt("position"), SignUpQuestion.Kind.valueOf(rs.getString("kind")),
            rs.getBoolean("required"), rs.getString("text_sv"), rs.getString("text_en"), rs.getString("options_sv"),
            rs.getString("options_en"), rs.getBoolean("accessibility"), rs.getString("purpose_sv"),
            rs.getString("purpose_en"));

    private final JdbcTemplate jdbc;
    private final ActivitiesApi activities;

    SignUpQuestions(JdbcTemplate jdbc, ActivitiesApi activities) {
        this.jdbc = jdbc;
        this.activities = activities;
    }

    /** The activity's questions in order (public: the sign-up form shows them). */
    @Transactional(readOnly = true)
    public List<SignUpQuestion> of(long activityId) {
        return jdbc.query("select * from sign_up_question where activity_id = ? order by position, id", ROW,
                activityId);
    }

    /** The questions for the secretary who manages the activity's project. */
    @Transactional(readOnly = true)
    public List<SignUpQuestion> managed(PortalUser user, long activityId) {
        managedActivity(user, activityId);
        return of(activityId);
    }

    @Transactional(readOnly = true)
    public ActivityInfo managedActivity(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        user.requireManage(activity.projectId());
        return activity;
    }

    /** Adds a question last. Sensitive wording is refused unless marked as needed for accessibility, with a purpose. */
    @Transactional
    public void add(PortalUser user, long activityId, SignUpQuestionForm form) {
        managedActivity(user, activityId);
        boolean choice = form.kind() == SignUpQuestion.Kind.CHOICE;
        List<String> options = SignUpQuestion.lines(form.optionsSv());
        if (choice && options.size() < 2) {
            throw new FieldRejectedException("optionsSv", "signUpQuestion.options.tooFew");
        }
        if (choice && form.optionsEn() != null && !form.optionsEn().isBlank()
                && SignUpQuestion.lines(form.optionsEn()).size() != options.size()) {
            throw new FieldRejectedException("optionsEn", "signUpQuestion.options.mismatch");
        }
        if (form.forAccessibility() && blank(form.purposeSv())) {
            throw new FieldRejectedException("purposeSv", "signUpQuestion.purpose.required");
        }
        if (!form.forAccessibility() && SensitiveWords.any(form.textSv(), form.textEn(),
                choice ? form.optionsSv() : null, choice ? form.optionsEn() : null)) {
            throw new FieldRejectedException("textSv", "signUpQuestion.sensitive");
        }
        jdbc.update("""
                insert into sign_up_question (activity_id, position, kind, required, text_sv, text_en, options_sv,
                    options_en, accessibility, purpose_sv, purpose_en)
                values (?, (select coalesce(max(position), 0) + 1 from sign_up_question where activity_id = ?),
                        ?, ?, ?, ?, ?, ?, ?, ?, ?)""", activityId, activityId, form.kind().name(), form.isRequired(),
                form.textSv().strip(), trim(form.textEn()), choice ? String.join("\n", options) : null,
                choice ? trim(form.optionsEn()) : null, form.forAccessibility(),
                form.forAccessibility() ? trim(form.purposeSv()) : null,
                form.forAccessibility() ? trim(form.purposeEn()) : null);
    }

    /** Removes a question and every answer to it. */
    @Transactional
    public void delete(PortalUser user, long activityId, long questionId) {
        managedActivity(user, activityId);
        if (jdbc.update("delete from sign_up_question where id = ? and activity_id = ?", questionId, activityId) == 0) {
            throw new NotFoundException("SignUpQuestion", questionId);
        }
    }

    /** Puts a message on each answer that is missing, too long or not one of the options. */
    public void validate(List<SignUpQuestion> questions, Map<Long, String> answers, Errors errors) {
        for (SignUpQuestion q : questions) {
            String answer = answer(answers, q.id());
            String field = "answers[" + q.id() + "]";
            if (answer == null) {
                if (q.required()) {
                    errors.rejectValue(field, "signUpQuestion.answer.required", new Object[] {q.text(org.springframework.context.i18n.LocaleContextHolder.getLocale())}, null);
                }
            } else if (answer.length() > MAX_ANSWER) {
                errors.rejectValue(field, "signUpQuestion.answer.tooLong", new Object[] {MAX_ANSWER}, null);
            } else if (q.kind() == SignUpQuestion.Kind.YES_NO && !answer.equals("YES") && !answer.equals("NO")
                    || q.kind() == SignUpQuestion.Kind.CHOICE && !validOption(q, answer)) {
                errors.rejectValue(field, "signUpQuestion.answer.unknown", null, null);
            }
        }
    }

    /** Stores the answers of a sign-up (replacing earlier ones: a sign-up made again after a cancellation). */
    @Transactional
    public void save(long signUpId, List<SignUpQuestion> questions, Map<Long, String> answers) {
        if (questions.isEmpty()) {
            return; // No question, no answer: answers go with their question (on delete cascade).
        }
        jdbc.update("delete from sign_up_answer where sign_up_id = ?", signUpId);
        for (SignUpQuestion q : questions) {
            String answer = answer(answers, q.id());
            if (answer != null) {
                jdbc.update("insert into sign_up_answer (sign_up_id, question_id, answer) values (?, ?, ?)", signUpId,
                        q.id(), answer);
            }
        }
    }

    /** The activity's answers: sign-up id to question id to the stored answer. Callers check the scope. */
    Map<Long, Map<Long, String>> answers(long activityId) {
        Map<Long, Map<Long, String>> answers = new HashMap<>();
        jdbc.query("""
                select a.sign_up_id, a.question_id, a.answer from sign_up_answer a
                join sign_up s on s.id = a.sign_up_id where s.activity_id = ?""", (RowCallbackHandler) rs ->
                answers.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getString(3)),
                activityId);
        return answers;
    }

    /** Erases every answer of a person's sign-ups (the person is being erased). */
    void erase(long personId) {
        jdbc.update("delete from sign_up_answer where sign_up_id in (select id from sign_up where person_id = ?)",
                personId);
    }

    private static boolean validOption(SignUpQuestion q, String answer) {
        return answer.matches("\\d{1,3}") && Integer.parseInt(answer) < SignUpQuestion.lines(q.optionsSv()).size();
    }

    private static String answer(Map<Long, String> answers, long questionId) {
        String answer = answers == null ? null : answers.get(questionId);
        return answer == null || answer.isBlank() ? null : answer.strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
