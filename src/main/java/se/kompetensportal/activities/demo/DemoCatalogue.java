package se.kompetensportal.activities.demo;

import java.util.List;

import se.kompetensportal.activities.ActivityKind;
import se.kompetensportal.activities.domain.TrainerGender;

import static se.kompetensportal.activities.ActivityKind.ADVANCED_COURSE;
import static se.kompetensportal.activities.ActivityKind.COLLABORATION_FORUM;
import static se.kompetensportal.activities.ActivityKind.CONFERENCE;
import static se.kompetensportal.activities.ActivityKind.COURSE;
import static se.kompetensportal.activities.ActivityKind.DIALOGUE_MEETING;
import static se.kompetensportal.activities.ActivityKind.FOCUS_GROUP;
import static se.kompetensportal.activities.ActivityKind.NETWORK_MEETING;
import static se.kompetensportal.activities.ActivityKind.PROCESS_DAY;
import static se.kompetensportal.activities.ActivityKind.WORKSHOP;

/**
 * What the demo's activities are ({@link ActivitiesDemoData} makes them): the trainers, the venues, the activities of
 * IKO, LFI and Mobilisering Kalmar län with their days from today, and the text describing each kind.
 */
final class DemoCatalogue {

    private DemoCatalogue() {
    }

    /** A trainer of the demo: name, organisation, external, gender. */
    record T(String name, String organisation, boolean external, TrainerGender gender) {
    }

    static final T AMINA = new T("Amina Hassan", "Rädda Barnen", true, TrainerGender.WOMAN);
    static final T ERIK = new T("Erik Lindqvist", "Linnéuniversitetet", true, TrainerGender.MAN);
    static final T SOFIA = new T("Sofia Wermelin", "Regionförbundet i Kalmar län", false, TrainerGender.WOMAN);
    static final T JOHAN = new T("Johan Berg", "Fryshuset", true, TrainerGender.MAN);
    static final T MARIA = new T("Maria Andersson", "Kalmar kommun", true, TrainerGender.WOMAN);
    static final T AHMAD = new T("Ahmad Karimi", "Integrationsrådet i Kalmar län", true, TrainerGender.MAN);
    static final T LENA = new T("Lena Holm", "Regionförbundet i Kalmar län", false, TrainerGender.WOMAN);
    static final T KIM = new T("Kim Sandberg", "Kalmar läns museum", true, TrainerGender.NON_BINARY);
    static final T PETER = new T("Peter Nyström", "Samordningsförbundet i Kalmar län", true, TrainerGender.MAN);
    static final T FATIMA = new T("Fatima Berg", "Fryshuset", true, TrainerGender.WOMAN);
    static final T OLLE = new T("Olle Nilsson", "Osby kommun", false, TrainerGender.MAN);
    static final T HANNA = new T("Hanna Ek", "Kristianstads kommun", true, TrainerGender.WOMAN);
    static final T GUNILLA = new T("Gunilla Sjö", "Region Skåne", true, TrainerGender.WOMAN);
    static final T KATARINA = new T("Katarina Johansson", "Region Kalmar län", false, TrainerGender.WOMAN);
    static final T JONAS = new T("Jonas Alm", "Region Kalmar län", false, TrainerGender.MAN);

    /** A venue: name, address, town. */
    record V(String name, String address, String city, boolean stepFree, boolean loop) {
    }

    static final V REGION = new V("Regionförbundet i Kalmar län, konferensrum Kalmarsund",
            "Strandgatan 6", "Kalmar", true, true);
    static final V MUSEUM = new V("Kalmar läns museum, hörsalen", "Skeppsbrogatan 51", "Kalmar", true, true);
    static final V LNU = new V("Linnéuniversitetet, Universitetskajen", "Pedagoggatan 11", "Kalmar", true, false);
    static final V VASTERVIK = new V("Västerviks stadsbibliotek", "Spötorget 3", "Västervik", true, true);
    static final V OSKARSHAMN = new V("Forum Oskarshamn", "Järnvägsgatan 1", "Oskarshamn", true, false);
    static final V NYBRO = new V("Nybro folkets hus", "Storgatan 9", "Nybro", false, false);
    static final V OSBY = new V("Osby kommunhus, sammanträdesrum Vinkeln", "Västra Storgatan 35", "Osby", true, true);
    static final V KRISTIANSTAD = new V("Kristianstads stadsbibliotek", "Föreningsgatan 4", "Kristianstad", true, false);
    static final V REGION_KALMAR = new V("Region Kalmar län, Regionhuset", "Storgatan 65", "Kalmar", true, true);
    static final V ONLINE = null;

    /**
     * One demo activity: track position, kind, title, days from today to the first session, sessions, hours per
     * session (3.5 or 7), venue, seats, target groups (codes), trainers; {@code state} is one of draft, published,
     * full, completed, cancelled.
     */
    record D(int track, ActivityKind kind, String title, int day, int sessions, double hours, V venue,
            int seats, String groups, String state, T... trainers) {
    }

    static final List<D> IKO = List.of(
            new D(1, CONFERENCE, "Startkonferens – Vi blir fler", -330, 1, 7, MUSEUM, 150, "1a 1b 2 3a 3b 4 V", "completed", SOFIA, ERIK),
            new D(1, COURSE, "Interkulturellt bemötande – grundkurs", -300, 2, 7, REGION, 30, "1b 2", "completed", AMINA, ERIK),
            new D(1, COURSE, "Interkulturellt bemötande – grundkurs", -120, 2, 7, VASTERVIK, 30, "1b 2", "completed", AMINA, JOHAN),
            new D(1, COURSE, "Interkulturellt bemötande – grundkurs", 21, 2, 7, REGION, 30, "1b 2", "full", AMINA, ERIK),
            new D(1, COURSE, "Interkulturellt bemötande – grundkurs, Västervik", 48, 2, 7, VASTERVIK, 25, "1b 2 V", "published", MARIA, JOHAN),
            new D(1, COURSE, "Interkulturellt bemötande – webbkurs", 35, 3, 3.5, ONLINE, 40, "2 V", "published", LENA, AHMAD),
            new D(1, ADVANCED_COURSE, "Interkulturellt bemötande – fördjupning", 70, 3, 7, LNU, 24, "1a", "published", ERIK, AMINA),
            new D(1, WORKSHOP, "Svåra samtal i kulturmötet", -60, 1, 3.5, REGION, 20, "1a 1b 2", "completed", AHMAD),
            new D(1, WORKSHOP, "Bemötande i praktiken – workshop", 0, 1, 7, REGION, 20, "1a 1b 2", "published", SOFIA, AHMAD),
            new D(1, WORKSHOP, "Normkritik i vardagen", 14, 1, 3.5, OSKARSHAMN, 20, "2 3a", "published", KIM, MARIA),
            new D(1, COURSE, "Bemötande i vård och tandvård", 95, 2, 3.5, OSKARSHAMN, 25, "2", "published", LENA),
            new D(1, NETWORK_MEETING, "Nätverksträff för flyktingsamordnare", -25, 1, 3.5, REGION, 40, "1a 1b", "completed", SOFIA),
            new D(1, WORKSHOP, "Kulturmöten i biblioteket", 120, 1, 3.5, VASTERVIK, 20, "2", "draft", KIM),
            new D(2, COURSE, "Jämställdhet i kulturmötet – grundkurs", -200, 2, 7, REGION, 30, "1a 1b 2", "completed", MARIA, SOFIA),
            new D(2, COURSE, "Jämställdhet i kulturmötet – grundkurs", 28, 2, 7, NYBRO, 30, "1a 1b 2", "published", MARIA, LENA),
            new D(2, ADVANCED_COURSE, "Hedersrelaterat våld och förtryck – kunskap och bemötande", 56, 2, 7, LNU, 25, "1a 3b", "full", FATIMA, AMINA),
            new D(2, WORKSHOP, "Föräldraskap och jämställdhet i nya sammanhang", -40, 1, 3.5, VASTERVIK, 20, "1a 2 V", "completed", FATIMA),
            new D(2, DIALOGUE_MEETING, "Dialogmöte: kvinnors etablering på arbetsmarknaden", 42, 1, 3.5, REGION, 35, "1a 3a 3b", "published", MARIA, PETER),
            new D(2, COURSE, "Jämställdhetsintegrering för chefer", 84, 2, 3.5, REGION, 20, "3a 3b", "published", SOFIA),
            new D(2, NETWORK_MEETING, "Nätverksträff för jämställdhetsstrateger", -10, 1, 3.5, ONLINE, 30, "1a 3b", "completed", LENA),
            new D(3, COURSE, "Föreningsliv för alla – inkludering i idrotten", -150, 1, 7, NYBRO, 30, "V", "completed", JOHAN, FATIMA),
            new D(3, COURSE, "Dialogbaserad utbildning för ideellt engagerade", 18, 4, 3.5, VASTERVIK, 24, "V", "published", JOHAN, AMINA),
            new D(3, COLLABORATION_FORUM, "Samverkansforum: ideell sektor och kommun", -90, 1, 3.5, REGION, 40, "V 1a 3b", "completed", PETER, SOFIA),
            new D(3, COLLABORATION_FORUM, "Samverkansforum: ideell sektor och kommun, uppföljning", 63, 1, 3.5, REGION, 40, "V 1a 3b", "published", PETER, SOFIA),
            new D(3, WORKSHOP, "Mötesplatser som fungerar", 31, 1, 3.5, OSKARSHAMN, 25, "V 2", "published", KIM, JOHAN),
            new D(3, WORKSHOP, "Fritid och kultur för ensamkommande unga", -15, 1, 3.5, MUSEUM, 20, "1a 1b V", "cancelled", FATIMA),
            new D(3, NETWORK_MEETING, "Nätverksträff för mötesplatser", 105, 1, 3.5, ONLINE, 50, "V", "draft", JOHAN),
            new D(3, COLLABORATION_FORUM, "Samverkansforum: mikroprojekt i fritidssektorn", 140, 1, 7, MUSEUM, 40, "V 3b", "published", PETER, MARIA),
            new D(4, COURSE, "Att leda i mångfald – chefsutbildning", -260, 3, 7, LNU, 24, "3a", "completed", ERIK, LENA),
            new D(4, COURSE, "Att leda i mångfald – chefsutbildning", 25, 3, 7, LNU, 24, "3a", "full", ERIK, LENA),
            new D(4, ADVANCED_COURSE, "Att leda i mångfald – fördjupning", 110, 2, 7, LNU, 20, "3b", "published", ERIK, SOFIA),
            new D(4, WORKSHOP, "Rekrytering utan diskriminering", 9, 1, 3.5, REGION, 25, "3a 3b", "published", AHMAD, MARIA),
            new D(4, COURSE, "Förändringsledning i mottagandet", -75, 2, 7, REGION, 25, "3a 3b", "completed", PETER, LENA),
            new D(4, DIALOGUE_MEETING, "Politikerdialog: integration som gemensamt ansvar", 49, 1, 3.5, REGION, 40, "4", "published", SOFIA, AHMAD),
            new D(4, PROCESS_DAY, "Processdag för chefer", -5, 1, 7, MUSEUM, 30, "3a 3b", "published", PETER, MARIA),
            new D(4, WORKSHOP, "Mångfald som styrka i arbetsgruppen", 77, 1, 3.5, OSKARSHAMN, 25, "2 3a", "draft", KIM, AHMAD),
            new D(5, COURSE, "Processledarutbildning – att facilitera dialog", -180, 4, 7, REGION, 20, "1a 3b V", "completed", SOFIA, PETER),
            new D(5, COURSE, "Processledarutbildning – att facilitera dialog", 38, 4, 7, REGION, 20, "1a 3b V", "published", SOFIA, PETER),
            new D(5, PROCESS_DAY, "Processdag med nyckelpersoner – halvdag", 12, 1, 3.5, REGION, 30, "1a 3b", "full", LENA, AHMAD),
            new D(5, PROCESS_DAY, "Processdag med nyckelpersoner – heldag", 88, 1, 7, MUSEUM, 30, "1a 3b", "published", LENA, ERIK),
            new D(5, COLLABORATION_FORUM, "Samverkansforum för integrationsaktörer i Kalmar län", -45, 1, 7, MUSEUM, 60, "1a 3b V", "completed", PETER, MARIA),
            new D(5, DIALOGUE_MEETING, "Dialogmöte: nyanländas väg till arbete", 59, 1, 3.5, VASTERVIK, 35, "1a 1b 3a", "published", AHMAD, FATIMA),
            new D(5, WORKSHOP, "Metodverkstad: dialogcaféer", 7, 1, 3.5, ONLINE, 30, "V 1a", "published", KIM, JOHAN),
            new D(5, CONFERENCE, "Spridningskonferens – Det som fungerar", 150, 1, 7, MUSEUM, 200, "1a 1b 2 3a 3b 4 V", "published", SOFIA, ERIK, AMINA, JOHAN),
            new D(5, NETWORK_MEETING, "Nätverksträff för processledare", -120, 1, 3.5, ONLINE, 30, "1a 3b", "completed", LENA));

    static final List<D> LFI = List.of(
            new D(1, COURSE, "Kulturförståelse i mottagandet", 30, 2, 7, OSBY, 30, "A B", "published", HANNA, GUNILLA),
            new D(2, COURSE, "Psykisk hälsa hos nyanlända – grundkurs", 45, 2, 7, KRISTIANSTAD, 30, "A B", "published", GUNILLA),
            new D(3, WORKSHOP, "Samtalsmetoder och tolkanvändning", -30, 1, 3.5, OSBY, 25, "A", "completed", HANNA),
            new D(4, PROCESS_DAY, "Processledare i varje kommun – uppstart", 60, 1, 7, KRISTIANSTAD, 20, "C", "published", HANNA, OLLE));

    static final List<D> MOBILISERING = List.of(
            new D(1, DIALOGUE_MEETING, "Dialogmöte: länets utmaningar inför ESF+", -60, 1, 3.5, REGION_KALMAR, 60, "A B", "completed", KATARINA, JONAS),
            new D(1, FOCUS_GROUP, "Fokusgrupp: kompetensförsörjning i välfärden", -45, 1, 3.5, VASTERVIK, 12, "A", "completed", KATARINA),
            new D(1, WORKSHOP, "Workshop: från idé till projektansökan", -20, 1, 7, REGION_KALMAR, 30, "A", "completed", JONAS, KATARINA),
            new D(1, FOCUS_GROUP, "Fokusgrupp: ideell sektor och ESF+", 6, 1, 3.5, ONLINE, 12, "A", "published", KATARINA),
            new D(1, WORKSHOP, "Workshop: logikmodell och indikatorer", 20, 1, 3.5, REGION_KALMAR, 30, "A", "published", JONAS),
            new D(2, FOCUS_GROUP, "Fokusgrupp: yrkesutbildning på landsbygden", -35, 1, 3.5, OSKARSHAMN, 12, "B", "completed", JONAS),
            new D(2, DIALOGUE_MEETING, "Dialogmöte: yrkesutbildning för alla i hela länet", 27, 1, 3.5, REGION_KALMAR, 60, "B", "published", KATARINA, JONAS),
            new D(2, WORKSHOP, "Workshop: samarbetsstruktur för yrkesvux", 55, 1, 7, OSKARSHAMN, 30, "B", "published", JONAS, KATARINA));

    static String description(D d) {
        String intro = switch (d.kind()) {
            case COURSE, ADVANCED_COURSE -> "En utbildning för dig som i ditt arbete eller ditt ideella engagemang möter "
                    + "nyanlända och vill utveckla din interkulturella kompetens.";
            case WORKSHOP -> "En praktisk workshop där vi arbetar med verkliga situationer från deltagarnas vardag.";
            case CONFERENCE -> "En konferens för alla som arbetar med integration i Kalmar län, med föreläsningar, "
                    + "samtal och exempel på det som fungerar.";
            case COLLABORATION_FORUM -> "Ett forum där kommuner, myndigheter och ideella organisationer planerar "
                    + "samverkansprojekt tillsammans.";
            case PROCESS_DAY -> "En processdag för nyckelpersoner som leder och driver integrationsarbetet framåt.";
            case DIALOGUE_MEETING -> "Ett dialogmöte där aktörer och intressenter möts och samtalar om gemensamma "
                    + "frågor, under ledning av processtöd.";
            case FOCUS_GROUP -> "En fokusgrupp: ett litet samtal i grupp där deltagarnas erfarenheter blir underlag "
                    + "för det fortsatta arbetet.";
            case NETWORK_MEETING -> "En nätverksträff för erfarenhetsutbyte mellan kollegor i länets organisationer.";
        };
        return intro + "\n\nInnehåll:\n- Kunskap om kultur, integration och mångfald\n"
                + "- Metoder och verktyg för svåra frågor i kulturmötet\n"
                + "- Jämställdhet och likabehandling i praktiken\n\n"
                + "Aktiviteten ingår i projektet och är kostnadsfri för deltagarna. Lunch och fika ingår vid heldagar.";
    }
}
