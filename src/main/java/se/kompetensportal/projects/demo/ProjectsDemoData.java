package se.kompetensportal.projects.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.projects.ActorRole;
import se.kompetensportal.projects.EuFunding;
import se.kompetensportal.projects.OrganisationKind;
import se.kompetensportal.projects.domain.Organisation;
import se.kompetensportal.projects.domain.OrganisationRepository;
import se.kompetensportal.projects.domain.Project;
import se.kompetensportal.projects.domain.ProjectActor;
import se.kompetensportal.projects.domain.ProjectActorRepository;
import se.kompetensportal.projects.domain.ProjectRepository;
import se.kompetensportal.projects.domain.ProjectUnitCost;
import se.kompetensportal.projects.domain.ProjectUnitCostRepository;
import se.kompetensportal.projects.domain.TargetGroup;
import se.kompetensportal.projects.domain.TargetGroupRepository;
import se.kompetensportal.projects.domain.Track;
import se.kompetensportal.projects.domain.TrackRepository;

/**
 * Demo data: the reference project "Vi blir fler – IKO" as its plan describes it (shared/domain.md), Osby's
 * "Lärande för integration i Skåne Nordost" and Region Kalmar län's "Mobilisering Kalmar län" (2022/00157). The plans'
 * figures are the source documents'; the periods are moved to today (the clock) so that the demo tells the story of
 * running projects on any day: IKO runs three calendar years (last year, this year, next year), LFI 25 months from
 * 14 months ago, Mobilisering nine months from four months ago. Loaded once per project; a later start finds each and
 * leaves it alone.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class ProjectsDemoData implements ApplicationRunner {

    static final String IKO_REFERENCE = "2016/00175";
    static final String MOBILISERING_REFERENCE = "2022/00157";

    private static final Logger log = LoggerFactory.getLogger(ProjectsDemoData.class);

    private final ProjectRepository projects;
    private final TrackRepository tracks;
    private final TargetGroupRepository targetGroups;
    private final OrganisationRepository organisations;
    private final DemoOrganisations demoOrganisations;
    private final ProjectActorRepository actors;
    private final ProjectUnitCostRepository unitCosts;
    private final Clock clock;

    ProjectsDemoData(ProjectRepository projects, TrackRepository tracks, TargetGroupRepository targetGroups,
            OrganisationRepository organisations, DemoOrganisations demoOrganisations,
            ProjectActorRepository actors, ProjectUnitCostRepository unitCosts, Clock clock) {
        this.projects = projects;
        this.tracks = tracks;
        this.targetGroups = targetGroups;
        this.organisations = organisations;
        this.demoOrganisations = demoOrganisations;
        this.actors = actors;
        this.unitCosts = unitCosts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock);
        if (!projects.existsByFunderReference(IKO_REFERENCE)) {
            Map<String, Organisation> orgs = demoOrganisations.create();
            iko(orgs, today);
            lfi(orgs, today);
            log.info("Demo projects loaded: IKO and LFI");
        }
        if (!projects.existsByFunderReference(MOBILISERING_REFERENCE)) {
            mobilisering(today);
            log.info("Demo project loaded: Mobilisering Kalmar län");
        }
    }

    private void iko(Map<String, Organisation> orgs, LocalDate today) {
        Project p = new Project("Vi blir fler – Integration, Kompetens och Organisation i Kalmar län", "IKO");
        p.setEuFunding(EuFunding.ESF_2014_2020);
        p.setFunderReference(IKO_REFERENCE);
        p.setOwnerOrganisation("Regionförbundet i Kalmar län");
        // The plan ran 2016-09-01 – 2019-08-30; the demo runs the same three years around today.
        p.setStartDate(LocalDate.of(today.getYear() - 1, 1, 1));
        p.setEndDate(LocalDate.of(today.getYear() + 1, 12, 31));
        p.setPlannedParticipants(675);
        p.setTotalBudget(new BigDecimal("12806081"));
        p.setEsfSupport(new BigDecimal("5917947"));
        p.setCoFinancingRate(new BigDecimal("53.79"));
        p.setDescription("""
                Ökad interkulturell kompetens hos personal i offentlig och ideell sektor som möter nyanlända, och \
                stärkt samverkan mellan organisationerna i Kalmar län. Projektet räknar med omkring 1 000 unika \
                deltagare under tre år.""");
        p.setRequiresPersonalId(true);
        p.setKeepUntil(LocalDate.of(today.getYear() + 11, 12, 31));
        p = projects.save(p);
        long id = p.getId();
        List<String> trackNames = List.of(
                "Interkulturell kompetens för ett bra bemötande",
                "Jämställdhet i kulturmötet",
                "Trivsam fritid med mångfald",
                "Att leda och jobba i mångfald och förändring",
                "Samverkan för en bättre integration – att leda och facilitera processer och dialog");
        for (int i = 0; i < trackNames.size(); i++) {
            tracks.save(new Track(id, i + 1, trackNames.get(i), null));
        }
        String[][] groups = {
                {"1a", "Personal med integration som yrke – lång erfarenhet"},
                {"1b", "Personal med integration som yrke – nyanställda"},
                {"2", "Personal som möter allt fler nyanlända i sitt arbete"},
                {"3a", "Chefer med liten interkulturell kompetens"},
                {"3b", "Chefer med erfarenhet av integrationsarbete"},
                {"4", "Politiker"},
                {"V", "Ideellt engagerade (volontärer), med samma indelning"},
        };
        for (String[] g : groups) {
            targetGroups.save(new TargetGroup(id, g[0], g[1]));
        }
        actor(id, orgs, "Regionförbundet i Kalmar län", ActorRole.OWNER);
        for (String name : List.of("Kalmar kommun", "Västerviks kommun", "Landstinget i Kalmar län",
                "Integrationsrådet i Kalmar län (Länsstyrelsen)", "Samordningsförbundet i Kalmar län",
                "Regionbiblioteket Kalmar län", "Linnéuniversitetet", "Kalmar läns museum", "Rädda Barnen",
                "Fryshuset")) {
            actor(id, orgs, name, ActorRole.PARTNER);
        }
        for (String name : List.of("Arbetsförmedlingen", "Migrationsverket", "Försäkringskassan")) {
            actor(id, orgs, name, ActorRole.INVITED);
        }
        // Illustrative hourly rates for valuing participants' time; the real ones come from the funder's decision.
        unitCosts.save(new ProjectUnitCost(id, today.getYear() - 1, new BigDecimal("290.00")));
        unitCosts.save(new ProjectUnitCost(id, today.getYear(), new BigDecimal("297.00")));
        unitCosts.save(new ProjectUnitCost(id, today.getYear() + 1, new BigDecimal("304.00")));
    }

    private void lfi(Map<String, Organisation> orgs, LocalDate today) {
        Project p = new Project("Lärande för integration i Skåne Nordost", "LFI");
        p.setEuFunding(EuFunding.ESF_2014_2020);
        p.setOwnerOrganisation("Osby kommun");
        // October 2016 – October 2018 in the source; here the same 25 months, 14 of them behind us.
        LocalDate start = today.withDayOfMonth(1).minusMonths(14);
        p.setStartDate(start);
        p.setEndDate(start.plusMonths(25).minusDays(1));
        p.setTotalBudget(new BigDecimal("7247750"));
        p.setCoFinancingRate(new BigDecimal("25.00"));
        p.setDescription("""
                Stärkt kompetens hos kommunanställda som direkt eller indirekt arbetar med integration och mottagande \
                av asylsökande, flyktingar och ensamkommande barn. Utbildningsplanen bygger på en \
                kompetenskartläggning i de fem kommunerna.""");
        p = projects.save(p);
        long id = p.getId();
        List<String> areas = List.of("Kulturförståelse", "Förståelse för psykisk hälsa",
                "Samtalsmetoder och kommunikation", "Ledning och styrning av mångfaldsarbete");
        for (int i = 0; i < areas.size(); i++) {
            tracks.save(new Track(id, i + 1, areas.get(i), null));
        }
        targetGroups.save(new TargetGroup(id, "A", "Kommunanställda som arbetar direkt med integration och mottagande"));
        targetGroups.save(new TargetGroup(id, "B", "Kommunanställda som möter nyanlända i sitt arbete"));
        targetGroups.save(new TargetGroup(id, "C", "Chefer och processledare"));
        actor(id, orgs, "Osby kommun", ActorRole.OWNER);
        for (String name : List.of("Östra Göinge kommun", "Kristianstads kommun", "Hässleholms kommun", "Hörby kommun")) {
            actor(id, orgs, name, ActorRole.PARTNER);
        }
        unitCosts.save(new ProjectUnitCost(id, start.getYear(), new BigDecimal("285.00")));
        unitCosts.save(new ProjectUnitCost(id, start.getYear() + 1, new BigDecimal("292.00")));
        unitCosts.save(new ProjectUnitCost(id, start.getYear() + 2, new BigDecimal("299.00")));
    }

    /** Region Kalmar län's pre-study for ESF+ 2021–2027: dialogue meetings, focus groups and workshops. */
    private void mobilisering(LocalDate today) {
        Map<String, Organisation> orgs = demoOrganisations.byName();
        Organisation region = orgs.get("Region Kalmar län");
        if (region == null) {
            region = organisations.save(new Organisation("Region Kalmar län", null,
                    OrganisationKind.REGION, "Kalmar"));
            orgs.put(region.getName(), region);
            demoOrganisations.contact(orgs, "Region Kalmar län", "Katarina Johansson",
                    "Processtöd, regional utveckling", "katarina.johansson@example.se");
        }
        Project p = new Project("Mobilisering Kalmar län", "Mobilisering");
        p.setEuFunding(EuFunding.ESF_PLUS);
        p.setFunderReference(MOBILISERING_REFERENCE);
        p.setOwnerOrganisation("Region Kalmar län, Regional utvecklingsförvaltning");
        // 2022-05-01 – 2023-01-31 in the source: nine months, four of them behind us.
        LocalDate start = today.withDayOfMonth(1).minusMonths(4);
        p.setStartDate(start);
        p.setEndDate(start.plusMonths(9).minusDays(1));
        p.setPlannedParticipants(120);
        p.setTotalBudget(new BigDecimal("400000"));
        p.setEsfSupport(new BigDecimal("400000"));
        p.setCoFinancingRate(new BigDecimal("50.00"));
        p.setDescription("""
                En förstudie som mobiliserar aktörer i Kalmar län inför socialfondsprogrammet 2021–2027: \
                dialogmöten, fokusgrupper och workshoppar med processtöd från Region Kalmar län, så att fler kan \
                skriva väl underbyggda projektansökningar. Den andra delen tar fram en struktur för yrkesutbildning \
                som är tillgänglig i hela länet, oavsett var man bor.""");
        p = projects.save(p);
        long id = p.getId();
        tracks.save(new Track(id, 1, "Mobilisering och kapacitet inför ESF+", null));
        tracks.save(new Track(id, 2, "Yrkesutbildning i hela länet", null));
        targetGroups.save(new TargetGroup(id, "A", "Aktörer och intressenter som vill söka ESF+-projekt"));
        targetGroups.save(new TargetGroup(id, "B", "Kommuner, utbildningsanordnare och arbetsgivare"));
        actor(id, orgs, "Region Kalmar län", ActorRole.OWNER);
        for (String name : List.of("Kalmar kommun", "Västerviks kommun", "Linnéuniversitetet", "Arbetsförmedlingen")) {
            if (orgs.containsKey(name)) {
                actor(id, orgs, name, ActorRole.PARTNER);
            }
        }
        unitCosts.save(new ProjectUnitCost(id, start.getYear(), new BigDecimal("310.00")));
        if (p.getEndDate().getYear() != start.getYear()) {
            unitCosts.save(new ProjectUnitCost(id, p.getEndDate().getYear(), new BigDecimal("318.00")));
        }
    }

    private void actor(long projectId, Map<String, Organisation> orgs, String name, ActorRole role) {
        actors.save(new ProjectActor(projectId, orgs.get(name).getId(), role));
    }
}
