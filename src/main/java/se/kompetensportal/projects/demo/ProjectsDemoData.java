package se.kompetensportal.projects.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
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
import se.kompetensportal.projects.domain.OrganisationContact;
import se.kompetensportal.projects.domain.OrganisationContactRepository;
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
 * Demo data: the reference project "Vi blir fler – IKO" as its plan describes it (shared/domain.md), and Osby's
 * "Lärande för integration i Skåne Nordost". Loaded once; a later start finds it and leaves it alone.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class ProjectsDemoData implements ApplicationRunner {

    static final String IKO_REFERENCE = "2016/00175";

    private static final Logger log = LoggerFactory.getLogger(ProjectsDemoData.class);

    private final ProjectRepository projects;
    private final TrackRepository tracks;
    private final TargetGroupRepository targetGroups;
    private final OrganisationRepository organisations;
    private final OrganisationContactRepository contacts;
    private final ProjectActorRepository actors;
    private final ProjectUnitCostRepository unitCosts;

    ProjectsDemoData(ProjectRepository projects, TrackRepository tracks, TargetGroupRepository targetGroups,
            OrganisationRepository organisations, OrganisationContactRepository contacts,
            ProjectActorRepository actors, ProjectUnitCostRepository unitCosts) {
        this.projects = projects;
        this.tracks = tracks;
        this.targetGroups = targetGroups;
        this.organisations = organisations;
        this.contacts = contacts;
        this.actors = actors;
        this.unitCosts = unitCosts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (projects.existsByFunderReference(IKO_REFERENCE)) {
            return;
        }
        Map<String, Organisation> orgs = organisations();
        iko(orgs);
        lfi(orgs);
        log.info("Demo projects loaded: IKO and LFI");
    }

    private Map<String, Organisation> organisations() {
        Map<String, Organisation> orgs = new HashMap<>();
        Object[][] rows = {
                {"Regionförbundet i Kalmar län", null, OrganisationKind.REGION, "Kalmar"},
                {"Kalmar kommun", "212000-0746", OrganisationKind.MUNICIPALITY, "Kalmar"},
                {"Västerviks kommun", "212000-0761", OrganisationKind.MUNICIPALITY, "Västervik"},
                {"Landstinget i Kalmar län", "232100-0081", OrganisationKind.REGION, "Kalmar"},
                {"Integrationsrådet i Kalmar län (Länsstyrelsen)", "202100-2361", OrganisationKind.STATE_AGENCY, "Kalmar"},
                {"Samordningsförbundet i Kalmar län", null, OrganisationKind.OTHER, "Kalmar"},
                {"Regionbiblioteket Kalmar län", null, OrganisationKind.REGION, "Kalmar"},
                {"Linnéuniversitetet", "202100-6255", OrganisationKind.UNIVERSITY, "Kalmar"},
                {"Kalmar läns museum", null, OrganisationKind.OTHER, "Kalmar"},
                {"Rädda Barnen", null, OrganisationKind.NON_PROFIT, "Kalmar"},
                {"Fryshuset", "802404-4433", OrganisationKind.NON_PROFIT, "Kalmar"},
                {"Arbetsförmedlingen", "202100-2114", OrganisationKind.STATE_AGENCY, null},
                {"Migrationsverket", "202100-2163", OrganisationKind.STATE_AGENCY, null},
                {"Försäkringskassan", "202100-5521", OrganisationKind.STATE_AGENCY, null},
                {"Osby kommun", "212000-0951", OrganisationKind.MUNICIPALITY, "Osby"},
                {"Östra Göinge kommun", "212000-0936", OrganisationKind.MUNICIPALITY, "Östra Göinge"},
                {"Kristianstads kommun", "212000-0969", OrganisationKind.MUNICIPALITY, "Kristianstad"},
                {"Hässleholms kommun", "212000-0985", OrganisationKind.MUNICIPALITY, "Hässleholm"},
                {"Hörby kommun", "212000-1025", OrganisationKind.MUNICIPALITY, "Hörby"},
        };
        for (Object[] row : rows) {
            Organisation o = organisations.save(new Organisation((String) row[0], (String) row[1],
                    (OrganisationKind) row[2], (String) row[3]));
            orgs.put(o.getName(), o);
        }
        contact(orgs, "Regionförbundet i Kalmar län", "Sofia Wermelin", "Projektledare", "sofia.wermelin@example.se");
        contact(orgs, "Kalmar kommun", "Karin Kontaktperson", "Integrationsstrateg", "karin.kontakt@example.se");
        contact(orgs, "Västerviks kommun", "Viktor Lind", "Integrationssamordnare", "viktor.lind@example.se");
        contact(orgs, "Rädda Barnen", "Rasmus Ek", "Verksamhetsutvecklare", "rasmus.ek@example.se");
        contact(orgs, "Fryshuset", "Fatima Berg", "Projektsamordnare", "fatima.berg@example.se");
        contact(orgs, "Osby kommun", "Olle Nilsson", "Processledare", "olle.nilsson@example.se");
        return orgs;
    }

    private void iko(Map<String, Organisation> orgs) {
        Project p = new Project("Vi blir fler – Integration, Kompetens och Organisation i Kalmar län", "IKO");
        p.setEuFunding(EuFunding.ESF_2014_2020);
        p.setFunderReference(IKO_REFERENCE);
        p.setOwnerOrganisation("Regionförbundet i Kalmar län");
        p.setStartDate(LocalDate.of(2016, 9, 1));
        p.setEndDate(LocalDate.of(2019, 8, 30));
        p.setPlannedParticipants(675);
        p.setTotalBudget(new BigDecimal("12806081"));
        p.setEsfSupport(new BigDecimal("5917947"));
        p.setCoFinancingRate(new BigDecimal("53.79"));
        p.setDescription("""
                Ökad interkulturell kompetens hos personal i offentlig och ideell sektor som möter nyanlända, och \
                stärkt samverkan mellan organisationerna i Kalmar län. Projektet räknar med omkring 1 000 unika \
                deltagare under tre år.""");
        p.setRequiresPersonalId(true);
        p.setKeepUntil(LocalDate.of(2029, 12, 31));
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
        unitCosts.save(new ProjectUnitCost(id, 2016, new BigDecimal("282.00")));
        unitCosts.save(new ProjectUnitCost(id, 2017, new BigDecimal("290.00")));
        unitCosts.save(new ProjectUnitCost(id, 2018, new BigDecimal("297.00")));
        unitCosts.save(new ProjectUnitCost(id, 2019, new BigDecimal("304.00")));
    }

    private void lfi(Map<String, Organisation> orgs) {
        Project p = new Project("Lärande för integration i Skåne Nordost", "LFI");
        p.setEuFunding(EuFunding.ESF_2014_2020);
        p.setOwnerOrganisation("Osby kommun");
        p.setStartDate(LocalDate.of(2016, 10, 1));
        p.setEndDate(LocalDate.of(2018, 10, 31));
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
    }

    private void actor(long projectId, Map<String, Organisation> orgs, String name, ActorRole role) {
        actors.save(new ProjectActor(projectId, orgs.get(name).getId(), role));
    }

    private void contact(Map<String, Organisation> orgs, String organisation, String name, String title, String email) {
        contacts.save(new OrganisationContact(orgs.get(organisation).getId(), name, title, email, null));
    }
}
