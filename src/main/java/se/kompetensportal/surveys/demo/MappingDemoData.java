package se.kompetensportal.surveys.demo;

import static se.kompetensportal.surveys.demo.SurveyKindsDemoData.MAPPING_TITLE;
import static se.kompetensportal.surveys.demo.SurveyKindsDemoData.answer;
import static se.kompetensportal.surveys.demo.SurveyKindsDemoData.today;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.surveys.domain.Question;
import se.kompetensportal.surveys.domain.QuestionKind;
import se.kompetensportal.surveys.domain.SurveyKind;
import se.kompetensportal.surveys.domain.SurveyService;
import se.kompetensportal.surveys.domain.TemplateService;

/**
 * LFI's competence mapping of its five municipalities for the demo: tracks chosen and ranked, target group, a matrix
 * of needs, open through one link per municipality (Hörby's with an access code), with invented answers.
 */
@Component
@ConditionalOnBooleanProperty("kp.demo.enabled")
class MappingDemoData {

    private final JdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final TemplateService templates;
    private final SurveyService surveys;
    private final Clock clock;

    MappingDemoData(JdbcTemplate jdbc, ProjectsApi projects, TemplateService templates, SurveyService surveys,
            Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.templates = templates;
        this.surveys = surveys;
        this.clock = clock;
    }

    /** Each municipality's answers: LFI's five, Hörby with too few to be shown on its own. */
    private static final Map<String, Integer> ANSWERS = Map.of("Osby kommun", 14, "Östra Göinge kommun", 9,
            "Kristianstads kommun", 18, "Hässleholms kommun", 15, "Hörby kommun", 4);

    int lfiMapping(ProjectInfo lfi, Random random) {
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
        LocalDate today = today(clock);
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
                        answer(jdbc, id, q[0], order.get(k), null, null);
                    }
                }
                case 2 -> {
                    if (random.nextInt(4) > 0) {
                        for (int place = 1; place <= order.size(); place++) {
                            answer(jdbc, id, q[0], order.get(place - 1), null, place);
                        }
                    }
                }
                case 3 -> answer(jdbc, id, q[0], groups.indexOf(group) + 1, null, null);
                case 4 -> {
                    for (int row = 1; row <= 4; row++) {
                        answer(jdbc, id, q[0], Math.min(4, Math.max(1, 2 + random.nextInt(3) - (row == 4 ? 1 : 0))),
                                null, row);
                    }
                }
                case 5 -> {
                    if (random.nextInt(3) == 0) {
                        answer(jdbc, id, q[0], null, NEEDS[random.nextInt(NEEDS.length)], null);
                    }
                }
                default -> { }
            }
        }
    }
}
