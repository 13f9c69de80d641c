package se.kompetensportal.surveys.demo;

import static se.kompetensportal.surveys.demo.SurveyKindsDemoData.FOLLOW_UP_MONTHS;
import static se.kompetensportal.surveys.demo.SurveyKindsDemoData.answer;
import static se.kompetensportal.surveys.demo.SurveyKindsDemoData.today;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.participants.PersonSelection;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.surveys.domain.Question;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.SurveyKind;
import se.kompetensportal.surveys.domain.SurveyService;
import se.kompetensportal.surveys.domain.TemplateService;

/**
 * IKO's default follow-up template for the demo (six months after, with the FU_APPLYING statement) and a follow-up of
 * each completed IKO activity, those already due sent and answered by most attendees; and a few registrations of
 * interest.
 */
@Component
@ConditionalOnBooleanProperty("kp.demo.enabled")
class FollowUpDemoData {

    private final JdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final PersonSelection people;
    private final ParticipantEmployers employers;
    private final TemplateService templates;
    private final SurveyService surveys;
    private final Clock clock;

    FollowUpDemoData(JdbcTemplate jdbc, ProjectsApi projects, ActivitiesApi activities, PersonSelection people,
            ParticipantEmployers employers, TemplateService templates, SurveyService surveys, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.activities = activities;
        this.people = people;
        this.employers = employers;
        this.templates = templates;
        this.surveys = surveys;
        this.clock = clock;
    }

    int ikoFollowUps(ProjectInfo iko, Random random) {
        long template = templates.insert(iko.id(), "IKO:s uppföljning efter sex månader", SurveyKind.FOLLOW_UP,
                FOLLOW_UP_MONTHS);
        List<Question> questions = List.of(
                new Question(0, 1, QuestionKind.AGREEMENT_SCALE, "Jag använder det jag lärde mig i mitt arbete.",
                        "I use what I learned in my work.", true, List.of(), List.of(),
                                SurveyKindsDemoData.FOLLOW_UP_KEY, 4, 60, 0),
                new Question(0, 2, QuestionKind.AGREEMENT_SCALE, "Jag har delat det jag lärde mig med mina kollegor.",
                        "I have shared what I learned with my colleagues.", true, List.of(), List.of(), "FU_SHARED", 4, 60, 0),
                new Question(0, 3, QuestionKind.CHOOSE_UP_TO, "Vad har du använt mest?", "What have you used most?", false,
                        List.of("Samtalsmetoder", "Kunskap om andra kulturer", "Normkritiska frågor", "Kontakter från aktiviteten"),
                        List.of("Conversation methods", "Knowledge of other cultures", "Norm-critical questions",
                                "Contacts from the activity"), null, 4, 60, 0, 2, List.of(), List.of(), null, List.of()),
                new Question(0, 4, QuestionKind.FREE_TEXT, "Ge gärna ett exempel.", "Please give an example.", false,
                        List.of(), List.of(), null, 4, 60, 0));
        questions.forEach(q -> templates.addUnchecked(template, q));
        Instant now = clock.instant();
        LocalDate today = today(clock);
        int made = 0;
        for (ActivityInfo activity : activities.activitiesOfProject(iko.id())) {
            if (activity.status() != ActivityStatus.COMPLETED || activity.lastSessionEnd() == null) {
                continue;
            }
            List<PersonSelection.Contact> attendees = people.attended(iko.id(), List.of(activity.id()));
            if (attendees.isEmpty()) {
                continue;
            }
            Long survey = surveys.createUnchecked(iko.id(), SurveyKind.FOLLOW_UP, null, null, activity.id(),
                    FOLLOW_UP_MONTHS, template);
            if (survey == null) {
                continue;
            }
            made++;
            Instant due = activity.lastSessionEnd().atZone(Formats.ZONE).plusMonths(FOLLOW_UP_MONTHS).toInstant();
            if (due.isAfter(now)) {
                continue;
            }
            LocalDate sentOn = LocalDate.ofInstant(due, Formats.ZONE);
            LocalDate closesOn = sentOn.plusDays(14);
            jdbc.update("update evaluation set status = ?, sent_at = ?, closes_on = ?, reminders_sent = 1 where id = ?",
                    closesOn.isBefore(today) ? "CLOSED" : "OPEN", Timestamp.from(due), closesOn, survey);
            List<long[]> asked = jdbc.query("select id, position from survey_question where evaluation_id = ? order by position",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, survey);
            Map<Long, Long> employerOf = employers.employersOf(attendees.stream().map(PersonSelection.Contact::personId).toList());
            for (PersonSelection.Contact a : attendees) {
                boolean answers = random.nextInt(100) < 85;
                long invitation = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
                jdbc.update("""
                        insert into evaluation_invitation (id, evaluation_id, person_id, organisation_id, target_group_id, answered)
                        values (?, ?, ?, ?, ?, ?)""", invitation, survey, a.personId(), employerOf.get(a.personId()),
                        a.targetGroupId(), answers);
                jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)",
                        UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", ""),
                        invitation);
                if (answers) {
                    followUpAnswer(survey, asked, employerOf.get(a.personId()), a.targetGroupId(),
                            sentOn.plusDays(random.nextInt(10)), random);
                }
            }
        }
        interest(iko, random);
        return made;
    }

    private static final String[] EXAMPLES = {"Jag ställer fler öppna frågor i mina samtal.",
            "Vi har gjort om vår information till lättläst svenska.", "Jag använder tolk på ett annat sätt nu.",
            "Vi pratar mer om normer i arbetsgruppen."};

    private void followUpAnswer(long survey, List<long[]> asked, Long organisation, Long group, LocalDate on,
            Random random) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id, target_group_id) "
                + "values (?, ?, ?, 'WEB', ?, ?)", id, survey, on, organisation, group);
        for (long[] q : asked) {
            switch ((int) q[1]) {
                case 1, 2 -> answer(jdbc, id, q[0], Math.min(5, Math.max(1,
                        3 + random.nextInt(3) - (random.nextInt(5) == 0 ? 2 : 0))),
                        null, null);
                case 3 -> {
                    int first = 1 + random.nextInt(4);
                    answer(jdbc, id, q[0], first, null, null);
                    if (random.nextBoolean()) {
                        answer(jdbc, id, q[0], first % 4 + 1, null, null);
                    }
                }
                case 4 -> {
                    if (random.nextInt(3) == 0) {
                        answer(jdbc, id, q[0], null, EXAMPLES[random.nextInt(EXAMPLES.length)], null);
                    }
                }
                default -> { }
            }
        }
    }

    /** A few registrations of interest: in IKO's tracks and in the next run of its full leadership course. */
    private void interest(ProjectInfo iko, Random random) {
        List<TrackInfo> tracks = projects.tracks(iko.id());
        List<TargetGroupInfo> groups = projects.targetGroups(iko.id());
        LocalDate today = today(clock);
        String[] names = {"Karin Lund", "Ali Hassan", "Maja Berg", "Omar Said", "Sara Ek", "Nils Holm", "Lina Nord",
                "Elias Sjö"};
        for (int i = 0; i < names.length; i++) {
            Long track = tracks.isEmpty() ? null : tracks.get(random.nextInt(tracks.size())).id();
            Long group = i % 3 == 0 && !groups.isEmpty() ? groups.get(random.nextInt(groups.size())).id() : null;
            jdbc.update("""
                    insert into interest_registration (id, project_id, track_id, target_group_id, name, email, registered_on)
                    values (nextval('interest_seq'), ?, ?, ?, ?, ?, ?) on conflict do nothing""", iko.id(), track, group,
                    names[i], names[i].toLowerCase().replace(' ', '.').replace("å", "a").replace("ä", "a").replace("ö", "o")
                            + "@example.se", today.minusDays(random.nextInt(60)));
        }
        activities.activitiesOfProject(iko.id()).stream()
                .filter(a -> a.status() == ActivityStatus.PUBLISHED && a.seatsLeft() == 0)
                .findFirst().ifPresent(full -> jdbc.update("""
                        insert into interest_registration (id, project_id, activity_id, name, email, registered_on)
                        values (nextval('interest_seq'), ?, ?, 'Jonas Vik', 'jonas.vik@example.se', ?)
                        on conflict do nothing""", iko.id(), full.id(), today.minusDays(3)));
    }
}
