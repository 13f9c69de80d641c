package se.kompetensportal.surveys.demo;

import java.time.Clock;
import java.time.LocalDate;
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
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;

/**
 * Demo surveys beyond course evaluations: LFI's competence mapping of its five municipalities (tracks chosen and
 * ranked, target group, a matrix of needs), open through one link per municipality, with invented answers; IKO's
 * default follow-up template (six months after, with the FU_APPLYING statement) and a follow-up of each completed IKO
 * activity, those already due sent and answered by most attendees; and a few registrations of interest. Written
 * straight to this module's tables, without mails. Loaded once; the mapping is written by
 * {@link MappingDemoData}, the follow-ups and interest by {@link FollowUpDemoData}.
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
    private final MappingDemoData mapping;
    private final FollowUpDemoData followUps;

    SurveyKindsDemoData(JdbcTemplate jdbc, ProjectsApi projects, MappingDemoData mapping, FollowUpDemoData followUps) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.mapping = mapping;
        this.followUps = followUps;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from evaluation_template where kind <> 'COURSE_EVALUATION')", Boolean.class))) {
            return;
        }
        Random random = new Random(2016_10_01L);
        int answers = projects.projects().stream().filter(p -> p.shortName().equals("LFI")).findFirst()
                .map(lfi -> mapping.lfiMapping(lfi, random)).orElse(0);
        int made = projects.projectByFunderReference("2016/00175").map(iko -> followUps.ikoFollowUps(iko, random))
                .orElse(0);
        log.info("Demo data: LFI's mapping with {} answers, IKO's follow-up template and {} follow-ups", answers, made);
    }

    /** One answer of a demo response (a matrix row or ranked place in {@code item}). */
    static void answer(JdbcTemplate jdbc, UUID response, long question, Integer value, String text, Integer item) {
        jdbc.update("insert into evaluation_answer (response_id, question_id, int_value, text_value, item) values (?, ?, ?, ?, ?)",
                response, question, value, text, item);
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }
}
