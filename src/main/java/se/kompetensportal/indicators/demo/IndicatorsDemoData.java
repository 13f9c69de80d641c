package se.kompetensportal.indicators.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.ActivityStatistics;
import se.kompetensportal.indicators.domain.CollaborationForm;
import se.kompetensportal.indicators.domain.CollaborationProject;
import se.kompetensportal.indicators.domain.CollaborationProjectRepository;
import se.kompetensportal.indicators.domain.CollaborationStatus;
import se.kompetensportal.indicators.domain.Comparison;
import se.kompetensportal.indicators.domain.Indicator;
import se.kompetensportal.indicators.domain.IndicatorForm;
import se.kompetensportal.indicators.domain.IndicatorKind;
import se.kompetensportal.indicators.domain.IndicatorPeriod;
import se.kompetensportal.indicators.domain.IndicatorRepository;
import se.kompetensportal.indicators.domain.ManualValues;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;

/**
 * Demo data: IKO's indicators as its plan states them (shared/domain.md) with their targets, and three collaboration
 * projects from the collaboration forums (one carried out, one developed, one an idea). Loaded once; a later start that
 * finds IKO's indicators leaves everything alone.
 */
@Component
@Order(70)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class IndicatorsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IndicatorsDemoData.class);
    static final String IKO_REFERENCE = "2016/00175";

    private final ProjectsApi projects;
    private final ActivityStatistics activities;
    private final IndicatorRepository indicators;
    private final CollaborationProjectRepository collaborations;
    private final ManualValues manualValues;
    private final Clock clock;

    IndicatorsDemoData(ProjectsApi projects, ActivityStatistics activities, IndicatorRepository indicators,
            CollaborationProjectRepository collaborations, ManualValues manualValues, Clock clock) {
        this.projects = projects;
        this.activities = activities;
        this.indicators = indicators;
        this.collaborations = collaborations;
        this.manualValues = manualValues;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<ProjectInfo> iko = projects.projectByFunderReference(IKO_REFERENCE);
        if (iko.isEmpty() || indicators.existsByProjectId(iko.get().id())) {
            return;
        }
        long id = iko.get().id();
        int position = 0;
        for (IndicatorForm f : ikoIndicators(iko.get())) {
            Indicator i = new Indicator(id, ++position);
            i.apply(f);
            i.setPublished(PUBLISHED.contains(f.kind()));
            indicators.save(i);
            if (f.kind() == IndicatorKind.MANUAL) {
                indicators.flush();
                manualValues.add(i.getId(), BigDecimal.ONE, LocalDate.now(clock).minusDays(20),
                        "Presentation vid ESF-rådets nationella erfarenhetsdag.", null);
            }
        }
        collaborationProjects(id);
        log.info("Demo indicators loaded: IKO");
    }

    /** The results the demo secretary has chosen to show on IKO's public page. */
    private static final java.util.Set<IndicatorKind> PUBLISHED = java.util.EnumSet.of(IndicatorKind.UNIQUE_PARTICIPANTS,
            IndicatorKind.EVALUATION_STATEMENT, IndicatorKind.PARTICIPANT_GENDER_SHARE,
            IndicatorKind.COLLABORATION_PROJECTS_CARRIED_OUT, IndicatorKind.KNOWLEDGE_ITEMS_PUBLISHED,
            IndicatorKind.NEWSLETTERS_SENT);

    static List<IndicatorForm> ikoIndicators(ProjectInfo iko) {
        BigDecimal coFinancing = new BigDecimal("6888134");
        return List.of(
                form("Unika deltagare", "Unique participants", "Projektmål",
                        "Personer som deltagit i minst en aktivitet, räknade en gång var.",
                        IndicatorKind.UNIQUE_PARTICIPANTS, Comparison.AT_LEAST, "675", null, IndicatorPeriod.WHOLE_PROJECT,
                        null, null, null),
                form("Mer kunskap och känner sig mer kompetenta i kulturmöten",
                        "More knowledge, more competent in cultural encounters", "Delmål 1",
                        "Minst 60 % av de svarande upplever att de fått mer kunskap om kultur, integration och mångfald.",
                        IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST, "60", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, "D1_KNOWLEDGE", null),
                form("Nya metoder och verktyg för svåra frågor", "New methods and tools for difficult questions",
                        "Delmål 1", "Minst 60 % av de svarande har fått nya metoder och verktyg.",
                        IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST, "60", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, "D1_METHODS", null),
                form("Kompetens att arbeta för mångfald på arbetsplatsen", "Competent to work for diversity at work",
                        "Delmål 1", "Minst 60 % av de svarande känner sig kompetenta att arbeta för ökad mångfald.",
                        IndicatorKind.EVALUATION_STATEMENT, Comparison.SHARE_AT_LEAST, "60", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, "D1_DIVERSITY", null),
                form("Tillämpar det de lärt sig sex månader efter", "Applying what they learned six months after",
                        "Långsiktigt resultat",
                        "Andel av dem som svarat på uppföljningen som använder det de lärt sig i arbetet (ESF:s "
                                + "långsiktiga resultatindikator), mål 60 %.",
                        IndicatorKind.FOLLOW_UP_STATEMENT, Comparison.SHARE_AT_LEAST, "60", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, "FU_APPLYING", null),
                form("Andel kvinnor bland deltagarna", "Share of women among participants", "Horisontellt",
                        "Minst 40/60-fördelning mellan kvinnor och män bland deltagarna.",
                        IndicatorKind.PARTICIPANT_GENDER_SHARE, Comparison.SHARE_BETWEEN, "40", "60",
                        IndicatorPeriod.WHOLE_PROJECT, null, null, "WOMAN"),
                form("Andel kvinnor bland utbildarna", "Share of women among trainers", "Horisontellt",
                        "Minst 40/60-fördelning mellan kvinnor och män bland utbildarna.",
                        IndicatorKind.TRAINER_GENDER_SHARE, Comparison.SHARE_BETWEEN, "40", "60",
                        IndicatorPeriod.WHOLE_PROJECT, null, null, "WOMAN"),
                form("Genomförda samverkansforum", "Collaboration forums held", "Delmål 2",
                        "2–3 samverkansforum med projektets tre ideella aktörer.",
                        IndicatorKind.ACTIVITIES_HELD, Comparison.AT_LEAST, "2", null, IndicatorPeriod.WHOLE_PROJECT,
                        ActivityKind.COLLABORATION_FORUM, null, null),
                form("Utvecklade samverkansprojekt", "Collaboration projects developed", "Delmål 2",
                        "Forumen ger 1–3 samverkansprojekt.",
                        IndicatorKind.COLLABORATION_PROJECTS_DEVELOPED, Comparison.AT_LEAST, "1", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, null, null),
                form("Genomförda samverkansprojekt", "Collaboration projects carried out", "Delmål 2",
                        "Minst tre samverkansprojekt mellan myndigheter och ideella organisationer genomförda.",
                        IndicatorKind.COLLABORATION_PROJECTS_CARRIED_OUT, Comparison.AT_LEAST, "3", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, null, null),
                form("Ansökningar till dialogpotten", "Dialog fund applications", "Delmål 2",
                        "Minst 10 ansökningar per år.", IndicatorKind.DIALOG_FUND_APPLICATIONS, Comparison.AT_LEAST,
                        "10", null, IndicatorPeriod.PER_YEAR, null, null, null),
                form("Beviljade ansökningar ur dialogpotten", "Dialog fund applications granted", "Delmål 2",
                        "Minst fem beviljade per år.", IndicatorKind.DIALOG_FUND_GRANTED, Comparison.AT_LEAST, "5",
                        null, IndicatorPeriod.PER_YEAR, null, null, null),
                form("Genomförda aktiviteter ur dialogpotten", "Dialog fund activities carried out", "Delmål 2",
                        "Minst fem beviljade och genomförda per år.", IndicatorKind.DIALOG_FUND_CARRIED_OUT,
                        Comparison.AT_LEAST, "5", null, IndicatorPeriod.PER_YEAR, null, null, null),
                form("Aktörer med plan för fortsatt arbete", "Actors with a plan for further work", "Delmål 3",
                        "Varje aktör har en plan för sitt fortsatta arbete med interkulturell kompetens.",
                        IndicatorKind.ACTORS_WITH_PLAN, Comparison.SHARE_AT_LEAST, "100", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, null, null),
                form("Spridning på nationell nivå", "Shared at national level", "Delmål 3",
                        "Projektets lärdomar sprids på nationell nivå (antal tillfällen, förs in för hand).",
                        IndicatorKind.MANUAL, Comparison.AT_LEAST, "1", null, IndicatorPeriod.WHOLE_PROJECT, null,
                        null, null),
                form("Publicerade metoder och goda exempel", "Methods and good examples published", "Delmål 3",
                        "Lärdomar och metoder öppet för alla i kunskapsbanken, i alla tematiska spår.",
                        IndicatorKind.KNOWLEDGE_ITEMS_PUBLISHED, Comparison.AT_LEAST, "15", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, null, null),
                form("Utskickade nyhetsbrev", "Newsletters sent", "Kommunikation",
                        "Ett nyhetsbrev ungefär var sjätte vecka om vad som är på gång.",
                        IndicatorKind.NEWSLETTERS_SENT, Comparison.AT_LEAST, "8", null, IndicatorPeriod.PER_YEAR, null,
                        null, null),
                form("Prenumeranter på nyhetsbrevet", "Newsletter subscribers", "Kommunikation",
                        "Bekräftade prenumeranter vid periodens slut.",
                        IndicatorKind.NEWSLETTER_SUBSCRIBERS, Comparison.AT_LEAST, "150", null,
                        IndicatorPeriod.WHOLE_PROJECT, null, null, null),
                form("Medfinansiering genom deltagande", "Co-financing through participation", "Budget",
                        "Deltagarnas timmar värderade med årets timkostnad, mot budgeterad medfinansiering.",
                        IndicatorKind.CO_FINANCING_VALUE, Comparison.AT_LEAST, coFinancing.toPlainString(), null,
                        IndicatorPeriod.WHOLE_PROJECT, null, null, null));
    }

    private static IndicatorForm form(String sv, String en, String subGoal, String description, IndicatorKind kind,
            Comparison comparison, String target, String targetMax, IndicatorPeriod period, ActivityKind activityKind,
            String statementKey, String gender) {
        return new IndicatorForm(sv, en, subGoal, description, kind, comparison, new BigDecimal(target),
                targetMax == null ? null : new BigDecimal(targetMax), period, activityKind, statementKey, gender, null, 0);
    }

    private void collaborationProjects(long projectId) {
        if (collaborations.existsByProjectId(projectId)) {
            return;
        }
        Map<String, Long> orgs = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::name, OrganisationInfo::id, (a, b) -> a));
        Long forum = activities.activitiesOfKind(projectId, ActivityKind.COLLABORATION_FORUM).keySet().stream()
                .findFirst().orElse(null);
        LocalDate today = LocalDate.now(clock);
        save(projectId, new CollaborationForm("Läxhjälp på biblioteket med Rädda Barnen",
                "Kommunens bibliotek och Rädda Barnen ordnar läxhjälp där nyanlända och etablerade ungdomar möts.",
                forum, CollaborationStatus.CARRIED_OUT, today.minusDays(200), today.minusDays(150),
                today.minusDays(30), ids(orgs, "Kalmar kommun", "Rädda Barnen"), 0));
        save(projectId, new CollaborationForm("Fritidsguider i Västervik",
                "Fryshuset och Västerviks kommun utbildar unga fritidsguider som slussar nyanlända till föreningslivet.",
                forum, CollaborationStatus.DEVELOPED, today.minusDays(120), today.minusDays(60), null,
                ids(orgs, "Västerviks kommun", "Fryshuset"), 0));
        save(projectId, new CollaborationForm("Språkcafé i vården",
                "Idé från samverkansforumet: språkcafé för vårdpersonal och nyanlända.", forum,
                CollaborationStatus.IDEA, today.minusDays(20), null, null,
                ids(orgs, "Landstinget i Kalmar län", "Rädda Barnen"), 0));
    }

    private static List<Long> ids(Map<String, Long> orgs, String... names) {
        return java.util.Arrays.stream(names).map(orgs::get).filter(java.util.Objects::nonNull).toList();
    }

    private void save(long projectId, CollaborationForm form) {
        CollaborationProject c = new CollaborationProject(projectId);
        c.apply(form);
        collaborations.save(c);
    }
}
