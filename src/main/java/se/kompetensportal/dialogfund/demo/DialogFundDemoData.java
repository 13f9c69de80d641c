package se.kompetensportal.dialogfund.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.dialogfund.domain.Application;
import se.kompetensportal.dialogfund.domain.ApplicationForm;
import se.kompetensportal.dialogfund.domain.ApplicationRepository;
import se.kompetensportal.dialogfund.domain.AttachmentPurpose;
import se.kompetensportal.dialogfund.domain.AttachmentStore;
import se.kompetensportal.dialogfund.domain.BudgetLine;
import se.kompetensportal.dialogfund.domain.FinalReport;
import se.kompetensportal.dialogfund.domain.FinalReportForm;
import se.kompetensportal.dialogfund.domain.FinalReportRepository;
import se.kompetensportal.dialogfund.domain.Fund;
import se.kompetensportal.dialogfund.domain.FundCriterion;
import se.kompetensportal.dialogfund.domain.FundCriterionRepository;
import se.kompetensportal.dialogfund.domain.FundPeriod;
import se.kompetensportal.dialogfund.domain.FundPeriodRepository;
import se.kompetensportal.dialogfund.domain.FundRepository;
import se.kompetensportal.dialogfund.domain.OrganisationType;
import se.kompetensportal.dialogfund.domain.ReferenceNumbers;
import se.kompetensportal.dialogfund.domain.Review;
import se.kompetensportal.dialogfund.domain.ReviewRepository;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;

/**
 * Demo data: IKO's dialog fund for every past year of the project period (150 000 kr a year, at most 25 000 kr an
 * application), with a year's worth of applications each, decided and reported; and a fund for the current year with a
 * period open around today, where the demo applicant (sokande@) has applications in every state and the demo
 * steering-group member (styrgrupp@) is a reviewer. The years follow the project's period (which the projects demo
 * moves to today). Loaded once; a later start finds IKO's current fund and leaves it alone.
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class DialogFundDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DialogFundDemoData.class);
    private static final String DOMAIN = "@kompetensportal.example";
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final BigDecimal TOTAL = new BigDecimal("150000");
    private static final BigDecimal MAX = new BigDecimal("25000");
    private static final List<String> MUNICIPALITIES = List.of("Borgholm", "Emmaboda", "Hultsfred", "Högsby", "Kalmar",
            "Mönsterås", "Mörbylånga", "Nybro", "Oskarshamn", "Torsås", "Vimmerby", "Västervik");
    private static final String[][] CRITERIA = {
            {"Möten mellan nyanlända och etablerade",
                    "Aktiviteten skapar verkliga möten och samtal mellan nyanlända och personer som bott här länge."},
            {"Interkulturellt lärande", "Deltagarna lär sig om och av varandras erfarenheter och kulturer."},
            {"Jämställdhet och tillgänglighet", "Både kvinnor och män nås, och aktiviteten är tillgänglig för alla."},
            {"Genomförbarhet och rimlig budget", "Planen är realistisk och kostnaderna är rimliga."},
    };

    /** Organisations applying in the demo: name, organisation number without check digit, kind, municipality. */
    private static final Object[][] ORGANISATIONS = {
            {"Kalmar mångkulturella förening", "802470123", OrganisationType.ASSOCIATION, "Kalmar"},
            {"Västerviks schackklubb", "802411876", OrganisationType.ASSOCIATION, "Västervik"},
            {"Studieförbundet Vuxenskolan Kalmar län", "802009544", OrganisationType.STUDY_ASSOCIATION, "Kalmar"},
            {"IFK Emmaboda ungdom", "802455321", OrganisationType.SPORTS_CLUB, "Emmaboda"},
            {"Svenska kyrkan i Oskarshamn", "252003976", OrganisationType.FAITH_COMMUNITY, "Oskarshamn"},
            {"Föreningen Språkvänner Borgholm", "802488640", OrganisationType.ASSOCIATION, "Borgholm"},
            {"Mönsterås odlarförening", "802432157", OrganisationType.ASSOCIATION, "Mönsterås"},
            {"Torsås hembygdsförening", "802403988", OrganisationType.ASSOCIATION, "Torsås"},
    };
    private static final String[] CONTACTS = {"Sam Sökande", "Erik Lund", "Lena Berg", "Omar Khalil", "Maria Holm",
            "Karin Ek", "Ali Rahimi", "Greta Nilsson"};
    private static final String[][] ACTIVITIES = {
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

    private final FundRepository funds;
    private final FundPeriodRepository periods;
    private final FundCriterionRepository criteria;
    private final ApplicationRepository applications;
    private final ReviewRepository reviews;
    private final FinalReportRepository reports;
    private final AttachmentStore attachments;
    private final ReferenceNumbers references;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;

    DialogFundDemoData(FundRepository funds, FundPeriodRepository periods, FundCriterionRepository criteria,
            ApplicationRepository applications, ReviewRepository reviews, FinalReportRepository reports,
            AttachmentStore attachments, ReferenceNumbers references, ProjectsApi projects, AccountsApi accounts,
            Clock clock) {
        this.funds = funds;
        this.periods = periods;
        this.criteria = criteria;
        this.applications = applications;
        this.reviews = reviews;
        this.reports = reports;
        this.attachments = attachments;
        this.references = references;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<ProjectInfo> iko = projects.projectByFunderReference("2016/00175");
        Optional<UserSummary> sokande = accounts.userByEmail("sokande" + DOMAIN);
        LocalDate today = LocalDate.now(clock);
        if (iko.isEmpty() || sokande.isEmpty() || funds.existsByProjectIdAndYear(iko.get().id(), today.getYear())) {
            return;
        }
        long projectId = iko.get().id();
        Long reviewer = accounts.userByEmail("styrgrupp" + DOMAIN).map(UserSummary::id).orElse(null);
        Long secretary = accounts.userByEmail("sekreterare" + DOMAIN).map(UserSummary::id).orElse(0L);
        List<Long> others = List.of(
                applicant("kalmar.forening", "Amina Hassan"),
                applicant("schack.vastervik", "Erik Lund"),
                applicant("sv.kalmar", "Lena Berg"),
                applicant("ifk.emmaboda", "Omar Khalil"));
        int first = Math.min(iko.get().startDate().getYear(), today.getYear() - 1);
        int last = today.getYear() - 1;
        for (int year = first; year <= last; year++) {
            if (funds.existsByProjectIdAndYear(projectId, year)) {
                continue;
            }
            Fund fund = fund(projectId, year, reviewer);
            periods.save(new FundPeriod(fund.getId(), LocalDate.of(year, 2, 1), LocalDate.of(year, 3, 31)));
            periods.save(new FundPeriod(fund.getId(), LocalDate.of(year, 9, 1), LocalDate.of(year, 10, 15)));
            pastYear(fund, others, sokande.get().id(), secretary, reviewer, year == last);
        }
        Fund current = fund(projectId, today.getYear(), reviewer);
        periods.save(new FundPeriod(current.getId(), today.minusDays(14), today.plusDays(30)));
        currentYear(current, sokande.get().id(), others, secretary, reviewer, today);
        log.info("Demo dialog fund loaded: IKO {}–{}", first, today.getYear());
    }

    private long applicant(String local, String name) {
        try {
            return accounts.ensureAccount(local + DOMAIN, name, Role.APPLICANT);
        } catch (AccountsApi.AccountRaceException raced) {
            return accounts.ensureAccount(local + DOMAIN, name, Role.APPLICANT);
        }
    }

    private Fund fund(long projectId, int year, Long reviewer) {
        Fund fund = new Fund(projectId, year, TOTAL, MAX);
        fund.setDescription("""
                Dialogpotten ger ideella organisationer i Kalmar län stöd till dialogbaserade aktiviteter där nyanlända \
                och personer som bott här länge möts och bygger interkulturell kompetens tillsammans. Stödet kan gå till \
                lokalhyra, fika, material, resor och arvoden till samtalsledare.""");
        fund.setMunicipalities(String.join("\n", MUNICIPALITIES));
        fund.setReportDueDays(30);
        if (reviewer != null) {
            fund.getReviewerIds().add(reviewer);
        }
        fund = funds.saveAndFlush(fund);
        for (int i = 0; i < CRITERIA.length; i++) {
            criteria.save(new FundCriterion(fund.getId(), i + 1, CRITERIA[i][0], CRITERIA[i][1]));
        }
        criteria.flush();
        return fund;
    }

    /**
     * Twelve applications: five granted and carried out, one granted (carried out too, except in the last past year,
     * whose final report is still missing), six rejected.
     */
    private void pastYear(Fund fund, List<Long> owners, long sokande, long secretary, Long reviewer, boolean last) {
        int year = fund.getYear();
        for (int i = 0; i < 12; i++) {
            long owner = i == 3 ? sokande : owners.get(i % owners.size());
            boolean spring = i % 2 == 0;
            LocalDate submitted = spring ? LocalDate.of(year, 3, 1 + i) : LocalDate.of(year, 10, 1 + i);
            LocalDate start = submitted.plusDays(40);
            Application a = application(fund, owner, i % ORGANISATIONS.length, (i + year) % ACTIVITIES.length, start, start.plusDays(i % 3),
                    new BigDecimal(8000 + 1500 * i), submitted);
            LocalDate decided = submitted.plusDays(21);
            if (reviewer != null) {
                review(a, reviewer, fund, i, decided.minusDays(3));
            }
            if (i < 6) {
                BigDecimal amount = a.getAmountRequested().subtract(new BigDecimal(i % 2 == 0 ? 0 : 1000));
                fund.grant(amount);
                a.grant(amount, null, decided, secretary, fund.getReportDueDays(), instant(decided));
                a.paid(decided.plusDays(10));
                if (i < 5 || !last) {
                    report(a, start, i, amount);
                }
            } else {
                a.reject("Ansökan prioriterades inte i denna omgång. Styrgruppen gav företräde åt aktiviteter med "
                        + "fler deltagare från båda grupperna.", decided, secretary, instant(decided));
            }
        }
        applications.flush();
    }

    private void currentYear(Fund fund, long sokande, List<Long> others, long secretary, Long reviewer,
            LocalDate today) {
        // A draft, half filled in.
        Application draft = new Application(fund.getId(), sokande, "sv");
        draft.update(form(0, ACTIVITIES[0], null, null, null, List.of()), orgNumber(0), List.of(), "sv",
                clock.instant());
        draft = applications.save(draft);

        Application submitted = application(fund, sokande, 0, 9, today.plusDays(25), today.plusDays(25),
                new BigDecimal("12000"), today.minusDays(5));
        attachments.store(submitted.getId(), AttachmentPurpose.APPLICATION, "Program familjedagen.pdf",
                programmePdf(ACTIVITIES[9][0]), "bilaga");

        Application underReview = application(fund, sokande, 0, 1, today.plusDays(40), today.plusDays(90),
                new BigDecimal("20000"), today.minusDays(10));
        if (reviewer != null) {
            review(underReview, reviewer, fund, 2, today.minusDays(2));
        }
        underReview.startReview(instant(today.minusDays(2)));

        Application granted = application(fund, sokande, 0, 7, today.plusDays(10), today.plusDays(20),
                new BigDecimal("15000"), today.minusDays(12));
        fund.grant(new BigDecimal("15000"));
        granted.grant(new BigDecimal("15000"), null, today.minusDays(3), secretary, fund.getReportDueDays(),
                instant(today.minusDays(3)));
        granted.paymentRequested(today.minusDays(1));

        Application rejected = application(fund, sokande, 0, 11, today.plusDays(30), today.plusDays(30),
                new BigDecimal("25000"), today.minusDays(13));
        rejected.reject("Budgeten är för stor i förhållande till antalet deltagare. Ni är välkomna att söka igen "
                + "med en mindre budget.", today.minusDays(4), secretary, instant(today.minusDays(4)));

        Application carriedOut = application(fund, sokande, 0, 2, today.minusDays(10), today.minusDays(9),
                new BigDecimal("9000"), today.minusDays(14));
        fund.grant(new BigDecimal("9000"));
        carriedOut.grant(new BigDecimal("9000"), null, today.minusDays(12), secretary, fund.getReportDueDays(),
                instant(today.minusDays(12)));
        carriedOut.paid(today.minusDays(11));
        report(carriedOut, today.minusDays(10), 2, new BigDecimal("9000"));

        application(fund, others.get(1), 1, 3, today.plusDays(20), today.plusDays(50), new BigDecimal("8000"),
                today.minusDays(6));
        application(fund, others.get(3), 3, 4, today.plusDays(15), today.plusDays(60), new BigDecimal("18000"),
                today.minusDays(2));
        applications.flush();
        log.debug("Demo draft {} for the demo applicant", draft.getId());
    }

    private Application application(Fund fund, long owner, int organisation, int activity, LocalDate start,
            LocalDate end, BigDecimal amount, LocalDate submittedOn) {
        Application a = new Application(fund.getId(), owner, "sv");
        BigDecimal room = amount.multiply(new BigDecimal("0.4")).setScale(0, java.math.RoundingMode.HALF_UP);
        BigDecimal food = amount.multiply(new BigDecimal("0.35")).setScale(0, java.math.RoundingMode.HALF_UP);
        List<BudgetLine> lines = List.of(new BudgetLine("Lokalhyra", room), new BudgetLine("Fika och mat", food),
                new BudgetLine("Material och samtalsledare", amount.subtract(room).subtract(food)));
        a.update(form(organisation, ACTIVITIES[activity], start, end, amount, lines), orgNumber(organisation), lines,
                "sv", instant(submittedOn));
        a = applications.save(a);
        a.submit(references.next(fund.getYear()), instant(submittedOn));
        return a;
    }

    private ApplicationForm form(int organisation, String[] activity, LocalDate start, LocalDate end,
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

    private void review(Application a, long reviewer, Fund fund, int seed, LocalDate day) {
        Review review = new Review(a.getId(), reviewer);
        List<FundCriterion> list = criteria.findByFundIdOrderByPositionAscIdAsc(fund.getId());
        Map<Long, Integer> scores = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            scores.put(list.get(i).getId(), 2 + (seed + i) % 4);
        }
        review.update(scores, seed % 3 == 0 ? "Bra idé med tydlig plan för att nå båda grupperna." : null,
                instant(day));
        reviews.save(review);
    }

    private void report(Application a, LocalDate heldOn, int seed, BigDecimal granted) {
        LocalDate today = LocalDate.now(clock);
        LocalDate submitted = heldOn.plusDays(7).isAfter(today) ? today : heldOn.plusDays(7);
        FinalReport report = new FinalReport(a.getId());
        report.submit(new FinalReportForm("Aktiviteten genomfördes som planerat. Deltagarna uppskattade särskilt "
                        + "samtalen i små grupper, och flera har fortsatt att träffas på egen hand.", heldOn, null,
                9 + seed, 7 + seed % 4, 8 + seed % 3, 8 + seed % 5, granted.subtract(new BigDecimal(seed * 150)),
                null, null), instant(submitted));
        report.approve(instant(submitted.plusDays(3).isAfter(today) ? today : submitted.plusDays(3)));
        reports.save(report);
        a.carriedOut(submitted.plusDays(3).isAfter(today) ? today : submitted.plusDays(3), instant(submitted));
    }

    private static Instant instant(LocalDate day) {
        return day.atTime(10, 0).atZone(ZONE).toInstant();
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
    private static byte[] programmePdf(String title) {
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
