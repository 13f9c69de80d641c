package se.kompetensportal.knowledge.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.indicators.CollaborationProjects;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.knowledge.domain.KnowledgeForm;
import se.kompetensportal.knowledge.domain.KnowledgeItem;
import se.kompetensportal.knowledge.domain.KnowledgeItemRepository;
import se.kompetensportal.knowledge.domain.Licence;
import se.kompetensportal.knowledge.domain.SourceKind;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;

/**
 * Demo data: IKO's knowledge bank with a dozen published items across its five tracks (methods, good examples, an
 * article and training material), one of them made from a collaboration project with the consent recorded, and one
 * draft waiting for review. Loaded once, after the indicators' collaboration projects.
 */
@Component
@Order(75)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class KnowledgeDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeDemoData.class);
    private static final String IKO_REFERENCE = "2016/00175";

    private record Demo(int track, KnowledgeKind kind, String title, String summary, String authors, String body,
            int daysAgo) {
    }

    private static final List<Demo> ITEMS = List.of(
            new Demo(1, KnowledgeKind.METHOD, "Samtalsmetoden Fyra hörn för bemötande",
                    "En övning där deltagarna tar ställning till påståenden om bemötande genom att ställa sig i ett av rummets fyra hörn, och sedan samtalar om varför.",
                    "Anna Lindqvist, Kalmar kommun",
                    "## Syfte\n\nAtt synliggöra olika värderingar om bemötande och öppna för samtal utan rätt och fel.\n\n"
                            + "## Så går det till\n\n1. Läs upp ett påstående, till exempel *\"Alla ska bemötas lika\"*.\n"
                            + "2. Varje hörn står för ett svar: instämmer helt, delvis, inte alls, eget svar.\n"
                            + "3. Deltagarna samtalar i sitt hörn i fem minuter och berättar sedan för de andra.\n\n"
                            + "## Tips\n\n- Ha högst fem påståenden per tillfälle.\n- Avsluta med vad gruppen tar med sig.",
                    400),
            new Demo(1, KnowledgeKind.ARTICLE, "Vad vi lärde oss av grundutbildningen i interkulturell kompetens",
                    "Efter tolv grundutbildningar med över trehundra deltagare: vad som fungerade, vad vi ändrade och vad deltagarna själva lyfter fram.",
                    "Projektgruppen Vi blir fler",
                    "Grundutbildningen har gått i alla kommuner i länet. Utvärderingarna visar att deltagarna uppskattar "
                            + "**konkreta fall** mer än teori.\n\n## Det här ändrade vi\n\n- Kortare föreläsningspass\n"
                            + "- Fler övningar i smågrupper\n- Uppföljning efter sex veckor\n\n"
                            + "Läs mer om utvärderingen på [Länsstyrelsens webbplats](https://www.lansstyrelsen.se/).",
                    360),
            new Demo(1, KnowledgeKind.MATERIAL, "Bildstöd för första mötet på vårdcentralen",
                    "Bildkort och en kort guide för personal som möter patienter med lite svenska, framtagna tillsammans med Landstinget i Kalmar län.",
                    "Landstinget i Kalmar län",
                    "Materialet består av trettio bildkort och en guide. Korten kan skrivas ut och lamineras.\n\n"
                            + "Guiden beskriver hur korten används i receptionen och i första samtalet.",
                    300),
            new Demo(2, KnowledgeKind.METHOD, "Jämställdhetsglasögon i kulturmötet",
                    "En reflektionsmodell för att se hur normer om kön påverkar mötet mellan personal och nyanlända, med frågor att arbeta med i arbetsgruppen.",
                    "Maria Eriksson, Linnéuniversitetet",
                    "Modellen har tre steg: **se**, **förstå**, **förändra**.\n\n## Frågor att börja med\n\n"
                            + "- Vem tar vi kontakt med i familjen, och varför?\n- Vem erbjuds vilka aktiviteter?\n"
                            + "- Hur ser vår egen arbetsplats ut?",
                    280),
            new Demo(2, KnowledgeKind.ARTICLE, "Jämställdhet finns med i varje utbildning – så gör vi",
                    "Projektplanen kräver att genus och jämställdhet tas upp i alla utbildningar. Så har utbildarna löst det i praktiken.",
                    "Projektgruppen Vi blir fler",
                    "Varje utbildning har ett pass om jämställdhet i kulturmötet. Utbildarna har en gemensam checklista "
                            + "och följer upp fördelningen mellan kvinnor och män bland både deltagare och utbildare.",
                    200),
            new Demo(3, KnowledgeKind.GOOD_EXAMPLE, "Öppen hall i Västervik – idrott för alla på lördagar",
                    "Idrottsföreningar och kommunen öppnar en hall varje lördag för nyanlända och etablerade ungdomar. Hundra besökare en vanlig lördag.",
                    "Västerviks kommun, Fryshuset",
                    "Föreningarna turas om att leda aktiviteterna. Kommunen står för hallen och en fritidsledare.\n\n"
                            + "## Därför fungerar det\n\n- Inga anmälningar, bara kom\n- Ledare som talar flera språk\n"
                            + "- Föreningarna får nya medlemmar",
                    240),
            new Demo(3, KnowledgeKind.METHOD, "Föreningsguide – så slussar du nyanlända in i föreningslivet",
                    "En steg-för-steg-guide för föreningar som vill ta emot nya medlemmar: från första kontakten till ett eget uppdrag i föreningen.",
                    "Fryshuset",
                    "1. Gör föreningen synlig där nyanlända finns.\n2. Utse en kontaktperson.\n3. Bjud in till prova-på.\n"
                            + "4. Följ upp efter en månad.",
                    150),
            new Demo(4, KnowledgeKind.ARTICLE, "Att leda i mångfald – erfarenheter från chefsprogrammet",
                    "Tjugo chefer från länets kommuner och landstinget om vad ledarskap i en arbetsgrupp med många språk och bakgrunder kräver.",
                    "Regionförbundet i Kalmar län",
                    "Cheferna lyfter fram tydlighet, tid för samtal och att **fråga i stället för att anta**.",
                    180),
            new Demo(4, KnowledgeKind.MATERIAL, "Presentation: Förändringsledning i mångkulturella arbetsgrupper",
                    "Bilderna från workshopen om förändringsledning, med talarmanus och övningar att göra med den egna gruppen.",
                    "Johan Berg, Linnéuniversitetet",
                    "Presentationen har fyra delar: förändring, kultur, kommunikation och uppföljning.",
                    120),
            new Demo(5, KnowledgeKind.METHOD, "Dialogcafé som mötesform i samverkansforum",
                    "Så leder du ett dialogcafé där myndigheter och ideella organisationer tillsammans tar fram idéer till samverkansprojekt.",
                    "Samordningsförbundet",
                    "## Förberedelser\n\nTre–fyra frågor, ett bord per fråga, en värd per bord.\n\n"
                            + "## Genomförande\n\nDeltagarna byter bord var tjugonde minut. Värden sammanfattar för nästa grupp.",
                    90),
            new Demo(5, KnowledgeKind.GOOD_EXAMPLE, "Integrationsrådets gemensamma lägesbild",
                    "Hur länets aktörer tog fram en gemensam bild av integrationsarbetet, och vad den har betytt för samverkan.",
                    "Länsstyrelsen i Kalmar län, Integrationsrådet",
                    "Lägesbilden uppdateras två gånger om året och används i alla aktörers planering.",
                    45));

    private final KnowledgeItemRepository items;
    private final ProjectsApi projects;
    private final CollaborationProjects collaborations;
    private final Clock clock;

    KnowledgeDemoData(KnowledgeItemRepository items, ProjectsApi projects, CollaborationProjects collaborations,
            Clock clock) {
        this.items = items;
        this.projects = projects;
        this.collaborations = collaborations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<ProjectInfo> iko = projects.projectByFunderReference(IKO_REFERENCE);
        if (iko.isEmpty() || !items.staffList(iko.get().id(), null).isEmpty()) {
            return;
        }
        long projectId = iko.get().id();
        List<TrackInfo> tracks = projects.tracks(projectId);
        Instant now = clock.instant();
        for (Demo d : ITEMS) {
            KnowledgeItem item = item(projectId, track(tracks, d.track()), d.kind(), d.title(), d.summary(),
                    d.authors(), d.body(), now.minus(Duration.ofDays(d.daysAgo() + 3)));
            item.publish(0L, now.minus(Duration.ofDays(d.daysAgo())));
            items.save(item);
        }
        collaborations.developed(projectId).stream().filter(CollaborationProjects.Collaboration::carriedOut)
                .findFirst().ifPresent(c -> {
                    KnowledgeItem item = item(projectId, track(tracks, 5), KnowledgeKind.GOOD_EXAMPLE, c.title(),
                            c.description(), String.join(", ", c.partners()), c.description()
                                    + "\n\nLäxhjälpen pågår varje tisdag och torsdag under terminerna.",
                            now.minus(Duration.ofDays(25)));
                    item.recordSource(SourceKind.COLLABORATION, c.id(), "Karin Holm, Rädda Barnen",
                            LocalDate.now(clock).minusDays(24), "E-post till projektsekreteraren.", 0L,
                            now.minus(Duration.ofDays(24)));
                    item.publish(0L, now.minus(Duration.ofDays(20)));
                    items.save(item);
                });
        KnowledgeItem draft = item(projectId, track(tracks, 2), KnowledgeKind.METHOD,
                "Värderingsövning: Vems ansvar är det?", "En övning om ansvar i mötet mellan myndighet och familj.",
                "Projektgruppen Vi blir fler", "Utkast: övningen beskrivs efter nästa workshop.",
                now.minus(Duration.ofDays(2)));
        draft.submit(0L, now.minus(Duration.ofDays(1)));
        items.save(draft);
        log.info("Demo knowledge bank loaded: IKO");
    }

    private static Long track(List<TrackInfo> tracks, int position) {
        return tracks.stream().filter(t -> t.position() == position).map(TrackInfo::id).findFirst().orElse(null);
    }

    private static KnowledgeItem item(long projectId, Long trackId, KnowledgeKind kind, String title, String summary,
            String authors, String body, Instant created) {
        KnowledgeItem item = new KnowledgeItem(projectId, null);
        item.apply(new KnowledgeForm(kind, trackId, title, summary, body, authors, Licence.CC_BY_4_0, null, null, 0),
                created);
        return item;
    }
}
