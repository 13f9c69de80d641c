package se.kompetensportal.surveys.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import se.kompetensportal.participants.ParticipantEmployers;
import se.kompetensportal.participants.PersonSelection;
import se.kompetensportal.projects.OrganisationInfo;
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
 * Demo surveys beyond course evaluations: LFI's competence mapping of its five municipalities (tracks chosen and
 * ranked, target group, a matrix of needs), open through one link per municipality, with invented answers; IKO's
 * default follow-up template (six months after, with the FU_APPLYING statement) and a follow-up of each completed IKO
 * activity, those already due sent and answered by most attendees; and a few registrations of interest. Written
 * straight to this module's tables, without mails. Loaded once.
 */
@Component
@Order(52)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class SurveyKindsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SurveyKindsDemoData.class);

    static final String MAPPING_TITLE = "Kartläggning av kompetensbehov i Skåne Nordost";
    static final String FOLLOW_UP_KEY = "FU_APPLYING";
    static final int FOLLOW_UP_MONTHS = 6;

    private final JdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final PersonSelection people;
    private final ParticipantEmployers employers;
    private final TemplateService templates;
    private final SurveyService surveys;
    private final Clock clock;

    SurveyKindsDemoData(JdbcTemplate jdbc, ProjectsApi projects, ActivitiesApi activities, PersonSelection people,
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

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from evaluation_template where kind <> 'COURSE_EVALUATION')", Boolean.class))) {
            return;
        }
        Random random = new Random(2016_10_01L);
        int mapping = projects.projects().stream().filter(p -> p.shortName().equals("LFI")).findFirst()
                .map(lfi -> lfiMapping(lfi, random)).orElse(0);
        int followUps = projects.projectByFunderReference("2016/00175").map(iko -> ikoFollowUps(iko, random)).orElse(0);
        log.info("Demo data: LFI's mapping with {} answers, IKO's follow-up template and {} follow-ups", mapping, followUps);
    }

    // LFI's mapping

    /** Each municipality's answers: LFI's five, Hörby with too few to be shown on its own. */
    private static final Map<String, Integer> ANSWERS = Map.of("Osby kommun", 14, "Östra Göinge kommun", 9,
            "Kristianstads kommun", 18, "Hässleholms kommun", 15, "Hörby kommun", 4);

    private int lfiMapping(ProjectInfo lfi, Random random) {
        List<TrackInfo> tracks = projects.tracks(lfi.id());
        List<TargetGroupInfo> groups = projects.targetGroups(lfi.id());
        if (tracks.size() < 2 || groups.size() < 2) {
            return 0;
        }
        List<String> trackNames = tracks.stream().map(TrackInfo::name).toList();
        List<Long> trackIds = tracks.stream().map(TrackInfo::id).toList();
        List<String> groupNames = groups.stream().map(TargetGroupInfo::label).toList();
        List<Long> groupIds = groups.stream().map(TargetGroupInfo::id).toList();
        long template = templates.insert(lfi.id(), "LFI:s kompetenskartläggning", SurveyKind.MAPPING, null);
        List<String> needsSv = List.of("Inget behov", "Litet behov", "Visst behov", "Stort behov");
        List<String> needsEn = List.of("No need", "Some need", "Clear need", "Great need");
        List<Question> questions = List.of(
                new Question(0, 1, QuestionKind.CHOOSE_UP_TO,
                        "Inom vilka områden behöver du och din arbetsplats mest kompetensutveckling?",
                        "In which areas do you and your workplace most need competence development?", true,
                        trackNames, trackNames, null, 4, 60, 0, 2, List.of(), List.of(), Question.TRACK, trackIds),
                new Question(0, 2, QuestionKind.RANKING, "Rangordna områdena efter hur viktiga de är för din arbetsplats.",
                        "Rank the areas by how important they are for your workplace.", false, trackNames, trackNames,
                        null, 4, 60, 0, null, List.of(), List.of(), Question.TRACK, trackIds),
                new Question(0, 3, QuestionKind.SINGLE_CHOICE, "Vilken målgrupp tillhör du?",
                        "Which target group do you belong to?", true, groupNames, groupNames, null, 4, 60, 0, null,
                        List.of(), List.of(), Question.TARGET_GROUP, groupIds),
                new Question(0, 4, QuestionKind.MATRIX, "Hur stort är ditt behov av …", "How great is your need of …",
                        true, List.of("kunskap om andra kulturer och religioner", "att bemöta människor med trauma",
                                "att samtala med hjälp av tolk", "att leda och styra mångfaldsarbete"),
                        List.of("knowledge of other cultures and religions", "meeting people with trauma",
                                "talking through an interpreter", "leading and governing diversity work"),
                        null, 3, 60, 0, null, needsSv, needsEn, null, List.of()),
                new Question(0, 5, QuestionKind.FREE_TEXT, "Vad mer behöver ni för att ta emot nyanlända väl?",
                        "What else do you need to receive newcomers well?", false, List.of(), List.of(), null, 4, 60, 0));
        questions.forEach(q -> templates.addUnchecked(template, q));
        long survey = surveys.createUnchecked(lfi.id(), SurveyKind.MAPPING, MAPPING_TITLE,
                "Mapping of competence needs in north-east Skåne", null, null, template);
        LocalDate today = today();
        jdbc.update("update evaluation set status = 'OPEN', sent_at = ?, closes_on = ? where id = ?",
                Timestamp.from(clock.instant().minusSeconds(8 * 86400L)), today.plusDays(14), survey);
        List<long[]> asked = jdbc.query("select id, position from survey_question where evaluation_id = ? order by position",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, survey);
        int answers = 0;
        for (OrganisationInfo municipality : projects.actors(lfi.id())) {
            Integer count = ANSWERS.get(municipality.name());
            if (count == null) {
                continue;
            }
            jdbc.update("insert into survey_open_link (id, evaluation_id, organisation_id, token, access_code) "
                    + "values (nextval('survey_seq'), ?, ?, ?, ?)", survey, municipality.id(),
                    UUID.randomUUID().toString().replace("-", ""), municipality.name().startsWith("Hörby") ? "horby2016" : null);
            for (int i = 0; i < count; i++) {
                mappingAnswer(survey, asked, municipality.id(), trackIds.size(), groupIds, today.minusDays(random.nextInt(8)),
                        random);
                answers++;
            }
        }
        return answers;
    }

    private static final String[] NEEDS = {"Mer tid för kollegialt lärande.", "Tolkar som kan svenska myndighetsspråk.",
            "Stöd till chefer i förändringsarbetet.", "Material på lättläst svenska.", "Nätverk mellan kommunerna."};

    private void mappingAnswer(long survey, List<long[]> asked, long organisation, int tracks, List<Long> groups,
            LocalDate on, Random random) {
        UUID id = UUID.randomUUID();
        long group = groups.get(random.nextInt(10) < 5 ? 0 : random.nextInt(groups.size()));
        jdbc.update("insert into evaluation_response (id, evaluation_id, answered_on, source, organisation_id, target_group_id) "
                + "values (?, ?, ?, 'WEB', ?, ?)", id, survey, on, organisation, group);
        // The areas in order of this person's priority: cultural understanding and mental health weigh most.
        List<Integer> order = new ArrayList<>();
        for (int t = 1; t <= tracks; t++) {
            order.add(t);
        }
        order.sort(java.util.Comparator.comparingDouble(t -> t + random.nextGaussian() * 1.6));
        for (long[] q : asked) {
            switch ((int) q[1]) {
                case 1 -> {
                    int chosen = 1 + random.nextInt(2);
                    for (int k = 0; k < chosen; k++) {
                        answer(id, q[0], order.get(k), null, null);
                    }
                }
                case 2 -> {
                    if (random.nextInt(4) > 0) {
                        for (int place = 1; place <= order.size(); place++) {
                            answer(id, q[0], order.get(place - 1), null, place);
                        }
                    }
                }
                case 3 -> answer(id, q[0], groups.indexOf(group) + 1, null, null);
                case 4 -> {
                    for (int row = 1; row <= 4; row++) {
                        answer(id, q[0], Math.min(4, Math.max(1, 2 + random.nextInt(3) - (row == 4 ? 1 : 0))), null, row);
                    }
                }
                case 5 -> {
                    if (random.nextInt(3) == 0) {
                        answer(id, q[0], null, NEEDS[random.nextInt(NEEDS.length)], null);
                    }
                }
                default -> { }
            }
        }
    }

    private void answer(UUID response, long question, Integer value, String text, Integer item) {
        jdbc.update("insert into evaluation_answer (response_id, question_id, int_value, text_value, item) values (?, ?, ?, ?, ?)",
                response, question, value, text, item);
    }

    // IKO's follow-ups

    private int ikoFollowUps(ProjectInfo iko, Random random) {
        long template = templates.insert(iko.id(), "IKO:s uppföljning efter sex månader", SurveyKind.FOLLOW_UP,
                FOLLOW_UP_MONTHS);
        List<Question> questions = List.of(
                new Question(0, 1, QuestionKind.AGREEMENT_SCALE, "Jag använder det jag lärde mig i mitt arbete.",
                        "I use what I learned in my work.", true, List.of(), List.of(), FOLLOW_UP_KEY, 4, 60, 0),
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
        LocalDate today = today();
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
                case 1, 2 -> answer(id, q[0], Math.min(5, Math.max(1, 3 + random.nextInt(3) - (random.nextInt(5) == 0 ? 2 : 0))),
                        null, null);
                case 3 -> {
                    int first = 1 + random.nextInt(4);
                    answer(id, q[0], first, null, null);
                    if (random.nextBoolean()) {
                        answer(id, q[0], first % 4 + 1, null, null);
                    }
                }
                case 4 -> {
                    if (random.nextInt(3) == 0) {
                        answer(id, q[0], null, EXAMPLES[random.nextInt(EXAMPLES.length)], null);
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
        LocalDate today = today();
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

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
