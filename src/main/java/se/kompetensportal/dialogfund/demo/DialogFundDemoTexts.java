package se.kompetensportal.dialogfund.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import se.kompetensportal.dialogfund.domain.ApplicationForm;
import se.kompetensportal.dialogfund.domain.BudgetLine;
import se.kompetensportal.dialogfund.domain.OrganisationType;

/**
 * What the demo fund's applications say: the fund's municipalities and criteria, the applying organisations (with valid
 * organisation numbers) and their contact persons, the activities they apply for, and a programme as a real PDF.
 */
final class DialogFundDemoTexts {

    private DialogFundDemoTexts() {
    }

    static final List<String> MUNICIPALITIES = List.of("Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar",
            "Mönsterås", "Mörbylånga", "Nybro", "Oskarshamn", "Torsås", "Vimmerby", "Västervik");
    static final String[][] CRITERIA = {
            {"Möten mellan nyanlända och etablerade",
                    "Aktiviteten skapar verkliga möten och samtal mellan nyanlända och personer som bott här länge."},
            {"Interkulturellt lärande", "Deltagarna lär sig om och av varandras erfarenheter och kulturer."},
            {"Jämställdhet och tillgänglighet", "Både kvinnor och män nås, och aktiviteten är tillgänglig för alla."},
            {"Genomförbarhet och rimlig budget", "Planen är realistisk och kostnaderna är rimliga."},
    };

    /** Organisations applying in the demo: name, organisation number without check digit, kind, municipality. */
    static final Object[][] ORGANISATIONS = {
            {"Kalmar mångkulturella förening", "802470123", OrganisationType.ASSOCIATION, "Kalmar"},
            {"Västerviks schackklubb", "802411876", OrganisationType.ASSOCIATION, "Västervik"},
            {"Studieförbundet Vuxenskolan Kalmar län", "802009544", OrganisationType.STUDY_ASSOCIATION, "Kalmar"},
            {"IFK Emmaboda ungdom", "802455321", OrganisationType.SPORTS_CLUB, "Emmaboda"},
            {"Svenska kyrkan i Oskarshamn", "252003976", OrganisationType.FAITH_COMMUNITY, "Oskarshamn"},
            {"Föreningen Språkvänner Borgholm", "802488640", OrganisationType.ASSOCIATION, "Borgholm"},
            {"Mönsterås odlarförening", "802432157", OrganisationType.ASSOCIATION, "Mönsterås"},
            {"Torsås hembygdsförening", "802403988", OrganisationType.ASSOCIATION, "Torsås"},
    };
    static final String[] CONTACTS = {"Sam Sökande", "Erik Lund", "Lena Berg", "Omar Khalil", "Maria Holm",
            "Karin Ek", "Ali Rahimi", "Greta Nilsson"};
    static final String[][] ACTIVITIES = {
            {"Språkcafé på biblioteket", "Varje tisdag träffas vi på biblioteket och pratar svenska över en kopp kaffe. "
                    + "Volontärer som bott här länge leder samtal i små grupper om vardagsliv, arbete och fritid."},
            {"Odla tillsammans", "Vi anlägger odlingslotter där nyanlända familjer och föreningens medlemmar odlar "
                    + "sida vid sida, delar kunskap om grönsaker från olika delar av världen och skördar tillsammans."},
            {"Smaker från hela världen", "Fem kvällar där deltagarna turas om att lära ut en maträtt från sitt hemland. "
                    + "Vi lagar och äter tillsammans och pratar om traditioner kring mat."},
            {"Schack för alla", "Öppna schackkvällar med nybörjarundervisning på svenska, arabiska och dari. "
                    + "Schack är ett gemensamt språk som gör det lätt att mötas."},
            {"Fotboll och fika", "Mixade lag av nyanlända och lokala ungdomar spelar fotboll på lördagar; "
                    + "efteråt fikar vi och pratar om hur det är att vara ung i kommunen."},
            {"Hembygdsvandring med berättelser", "Vi vandrar genom bygden och berättar om platsens historia. "
                    + "Nyanlända deltagare berättar om sina hembygder, och berättelserna samlas i en liten skrift."},
            {"Samtalskvällar om föräldraskap", "Föräldrar som bott här länge och nyanlända föräldrar möts i samtal "
                    + "om skola, fritid och föräldraroll, med en samtalsledare från studieförbundet."},
            {"Musik över gränser", "En kör och en spelgrupp där nyanlända och etablerade musiker lär varandra sånger. "
                    + "Projektet avslutas med en konsert på torget."},
            {"Cykelskola för vuxna", "Vuxna som aldrig lärt sig cykla får lära sig av föreningens medlemmar, "
                    + "och vi cyklar tillsammans till kommunens besöksmål."},
            {"Familjedag i skogen", "En dag med allemansrätt, svampplockning och grillning där familjer från olika "
                    + "länder möts i naturen."},
            {"Syverkstad och samtal", "I syverkstaden lagar och syr vi kläder tillsammans och samtalar om "
                    + "hantverkstraditioner från olika länder."},
            {"Kulturkväll med dans", "En kväll där föreningar visar danser från olika kulturer och alla får pröva."},
    };

    static ApplicationForm form(int organisation, String[] activity, LocalDate start, LocalDate end,
            BigDecimal amount, List<BudgetLine> lines) {
        Object[] org = ORGANISATIONS[organisation];
        int size = 10 + activity[0].length() % 15;
        return new ApplicationForm((String) org[0], orgNumber(organisation), (OrganisationType) org[2],
                (String) org[3], CONTACTS[organisation],
                CONTACTS[organisation].toLowerCase(java.util.Locale.ROOT).replace(' ', '.').replace('ö', 'o')
                        .replace('å', 'a').replace('ä', 'a') + "@example.se", "0480-123 45", activity[0], activity[1],
                "Nyanlända i kommunen, särskilt familjer och unga, och föreningens medlemmar som bott här länge.",
                start, end, start == null ? null : "Föreningslokalen, " + org[3], size / 2, size - size / 2,
                size / 2 + 1, size - size / 2 - 1, "Kommunens integrationsenhet och biblioteket", new ArrayList<>(
                lines.stream().map(l -> new ApplicationForm.BudgetLineForm(l.getDescription(), l.getAmount()))
                        .toList()), amount, null);
    }

    /** The organisation number with its Luhn check digit, written NNNNNN-NNNN. */
    static String orgNumber(int organisation) {
        String nine = (String) ORGANISATIONS[organisation][1];
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = nine.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        int check = (10 - sum % 10) % 10;
        return nine.substring(0, 6) + "-" + nine.substring(6) + check;
    }

    /** A small real PDF, as an applicant's programme would be. */
    static byte[] programmePdf(String title) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 16);
                text.newLineAtOffset(72, 720);
                text.showText("Program: " + title);
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.newLineAtOffset(0, -28);
                text.showText("10.00 Samling och fika");
                text.newLineAtOffset(0, -16);
                text.showText("11.00 Aktiviteter i blandade grupper");
                text.newLineAtOffset(0, -16);
                text.showText("13.00 Gemensam lunch och samtal");
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
