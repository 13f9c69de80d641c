package se.kompetensportal.surveys.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.Attendee;
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.participants.ParticipantsApi;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.surveys.domain.EvaluationService;
import se.kompetensportal.surveys.domain.Question;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.TemplateService;

/**
 * Demo evaluations: IKO's default template (the three Delmål 1 statements, satisfaction, trainers, arrangements, what
 * the participant will use at work, comments and an optional gender question), and for each completed IKO activity an
 * evaluation that was sent (and reminded twice) to those who attended, with invented answers from about three in four
 * of them. Written
 * straight to this module's tables, without mails. Loaded once.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class SurveysDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SurveysDemoData.class);

    private final JdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final ParticipantsApi participants;
    private final ParticipantEmployers employers;
    private final TemplateService templates;
    private final EvaluationService evaluations;
    private final Clock clock;

    SurveysDemoData(JdbcTemplate jdbc, ProjectsApi projects, ActivitiesApi activities, ParticipantsApi participants,
            ParticipantEmployers employers, TemplateService templates, EvaluationService evaluations, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.activities = activities;
        this.participants = participants;
        this.employers = employers;
        this.templates = templates;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    /** IKO's default questions; public so that tests can build the same template. */
    static List<Question> ikoQuestions() {
        List<String> genderSv = List.of("Kvinna", "Man", "Annat / icke-binär", "Vill inte uppge");
        List<String> genderEn = List.of("Woman", "Man", "Other / non-binary", "Prefer not to say");
        return List.of(
                statement(1, "D1_KNOWLEDGE",
                        "Jag har fått mer kunskap om kultur, integration och mångfald och känner mig mer kompetent i kulturmöten.",
                        "I have gained more knowledge of culture, integration and diversity and feel more competent in cultural encounters."),
                statement(2, "D1_METHODS",
                        "Jag har fått nya metoder och verktyg för att hantera svåra frågor i kulturmöten.",
                        "I have got new methods and tools for handling difficult questions in cultural encounters."),
                statement(3, "D1_DIVERSITY",
                        "Jag känner mig kompetent att arbeta för mer mångfald på min arbetsplats.",
                        "I feel competent to work for more diversity at my workplace."),
                scale(4, "Jag är som helhet nöjd med aktiviteten.", "Overall, I am satisfied with the activity."),
                scale(5, "Utbildarna var kunniga och engagerade.", "The trainers were knowledgeable and committed."),
                scale(6, "Lokal, mat och övriga arrangemang fungerade bra.", "The venue, food and other arrangements worked well."),
                new Question(0, 7, QuestionKind.FREE_TEXT, "Vad kommer du att använda i ditt arbete?",
                        "What will you use in your work?", false, List.of(), List.of(), null, 4, 60, 0),
                new Question(0, 8, QuestionKind.FREE_TEXT, "Övriga kommentarer", "Other comments", false, List.of(),
                        List.of(), null, 4, 60, 0),
                new Question(0, 9, QuestionKind.SINGLE_CHOICE, "Kön (frivilligt, för statistik)",
                        "Gender (optional, for statistics)", false, genderSv, genderEn, null, 4, 60, 0));
    }

    private static Question statement(int position, String key, String sv, String en) {
        return new Question(0, position, QuestionKind.AGREEMENT_SCALE, sv, en, true, List.of(), List.of(), key, 4, 60, 0);
    }

    private static Question scale(int position, String sv, String en) {
        return new Question(0, position, QuestionKind.AGREEMENT_SCALE, sv, en, true, List.of(), List.of(), null, 4, 60, 0);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from evaluation_template)", Boolean.class))) {
            return;
        }
        ProjectInfo iko = projects.projectByFunderReference("2016/00175").orElse(null);
        if (iko == null) {
            return;
        }
        long template = templates.insert(iko.id(), "IKO:s kursutvärdering");
        ikoQuestions().forEach(q -> templates.addUnchecked(template, q));

        Random random = new Random(2016_00175L);
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        int evaluated = 0;
        int answered = 0;
        for (ActivityInfo activity : activities.activitiesOfProject(iko.id())) {
            List<Attendee> attendees = participants.attendees(activity.id());
            if (activity.status() != ActivityStatus.COMPLETED || attendees.isEmpty() || activity.lastSessionEnd() == null) {
                continue;
            }
            long evaluationId = evaluations.createFor(activity.id());
            var sentAt = activity.lastSessionEnd().plus(Duration.ofHours(2));
            LocalDate sentOn = LocalDate.ofInstant(sentAt, Formats.ZONE);
            LocalDate closesOn = sentOn.plusDays(14);
            jdbc.update("update evaluation set status = ?, sent_at = ?, closes_on = ?, reminders_sent = ? where id = ?",
                    closesOn.isBefore(today) ? "CLOSED" : "OPEN", java.sql.Timestamp.from(sentAt), closesOn,
                    2, evaluationId);
            List<long[]> questions = jdbc.query("select id, position from survey_question where evaluation_id = ? order by position",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, evaluationId);
            var employerOf = employers.employersOf(attendees.stream().map(Attendee::personId).toList());
            for (Attendee a : attendees) {
                // The demo participant (deltagare@) has not answered yet: her start page shows the evaluation.
                boolean answers = random.nextInt(100) < 75 && !a.email().equals("deltagare@kompetensportal.example");
                long invitationId = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
                Long organisation = employerOf.get(a.personId());
                jdbc.update("insert into evaluation_invitation (id, evaluation_id, person_id, organisation_id, answered) values (?, ?, ?, ?, ?)",
                        invitationId, evaluationId, a.personId(), organisation, answers);
                jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)",
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        invitationId);
                if (answers) {
                    respond(evaluationId, sentOn.plusDays(random.nextInt(6)), organisation, questions, random);
                    answered++;
                }
            }
            evaluated++;
        }
        // Activities ahead have their evaluation as a draft from publication (PublishedActivities; demo data publishes
        // no events).
        activities.activitiesOfProject(iko.id()).stream().filter(a -> a.status() == ActivityStatus.PUBLISHED)
                .forEach(a -> evaluations.createFor(a.id()));
        log.info("Demo data: IKO's evaluation template, {} evaluations with {} answers", evaluated, answered);
    }

    private static final String[] USE = {"Samtalsmetoderna i mötet med nyanlända.", "Att fråga i stället för att anta.",
            "Normkritiska frågor i arbetsgruppen.", "Tolk och lättläst information.", "Kartan över föreningar i kommunen."};
    private static final String[] COMMENTS = {"Bra blandning av teori och övningar.", "För lite tid till diskussion.",
            "Mycket engagerade utbildare!", "Lokalen var trång.", "Vill gärna gå en fortsättning."};

    private void respond(long evaluationId, LocalDate on, Long organisation, List<long[]> questions, Random random) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id) values (?, ?, ?, 'WEB', ?)",
                id, evaluationId, on, organisation);
        for (long[] q : questions) {
            int position = (int) q[1];
            if (position <= 6) {
                int value = Math.min(5, Math.max(1, 3 + random.nextInt(3) - (random.nextInt(6) == 0 ? 2 : 0)));
                jdbc.update("insert into evaluation_answer (response_id, question_id, int_value) values (?, ?, ?)", id, q[0], value);
            } else if (position == 7 && random.nextBoolean()) {
                jdbc.update("insert into evaluation_answer (response_id, question_id, text_value) values (?, ?, ?)", id, q[0],
                        USE[random.nextInt(USE.length)]);
            } else if (position == 8 && random.nextInt(3) == 0) {
                jdbc.update("insert into evaluation_answer (response_id, question_id, text_value) values (?, ?, ?)", id, q[0],
                        COMMENTS[random.nextInt(COMMENTS.length)]);
            } else if (position == 9 && random.nextInt(4) > 0) {
                jdbc.update("insert into evaluation_answer (response_id, question_id, int_value) values (?, ?, ?)", id, q[0],
                        1 + random.nextInt(4));
            }
        }
    }
}
