package se.kompetensportal.timereporting;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.ParticipantFixtures;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Time certificates and the SCB file on the hand-computed fixture: the certificate's text (partial minutes, the month's
 * whole hours, employer, identity number, how it was confirmed), every identity number logged, the SCB rows read back
 * with POI (starters in their first month, a protected identity as SCB's code), a correction after export flagging
 * this and later months, and who may download what.
 */
class CertificatesAndScbTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    SignUpService seats;
    @Autowired
    PersonRepository people;
    @Autowired
    AttendanceService attendance;
    @Autowired
    TimeLedgerApi ledger;
    @Autowired
    TimeJobs jobs;
    @Autowired
    PersonalDataCipher cipher;

    HandComputedFixture f;
    String annaPin;
    String boPin;

    @BeforeEach
    void fixtures() {
        f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users), users, jdbc);
        annaPin = ParticipantFixtures.personalId();
        boPin = ParticipantFixtures.personalId();
        jdbc.update("update person set personal_id_encrypted = ? where id = ?", cipher.encrypt(annaPin), f.anna);
        jdbc.update("update person set personal_id_encrypted = ?, protected_identity = true, gender = 'MAN' where id = ?",
                cipher.encrypt(boPin), f.bo);
        jobs.scheduledConfirmations();
    }

    @Test
    void aCertificateShowsEachDateTheMonthsWholeHoursTheEmployerAndTheNumberAndLogsTheView() throws Exception {
        LedgerMonth anna = ledger.month(f.iko, f.anna, f.m1).orElseThrow();
        int logged = accessLog(f.anna);
        byte[] pdf = mvc.perform(get("/admin/projects/" + f.iko + "/time/" + anna.id() + "/certificate.pdf")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = text(pdf);
        assertThat(text).contains("Intyg av närvarotid", "2016/00175", "Anna Testsson", annaPin, "Testföreningen",
                f.m1.atDay(10) + " ", "6 h 40 min", f.m1.atDay(24) + " ", "2 h 30 min", "9 hela timmar (9 h 10 min)",
                "Inte bekräftad: Skickad för bekräftelse", "Deltagarens underskrift");
        assertThat(text).doesNotContain(f.m2.atDay(7).toString());
        assertThat(accessLog(f.anna)).isEqualTo(logged + 1);

        // Confirmed: the certificate says when and how. Bo's protected identity shows SCB's code, never his number.
        LedgerMonth bo = ledger.month(f.iko, f.bo, f.m2).orElseThrow();
        jdbc.update("update time_month set status = 'CONFIRMED', answered_at = now(), method = 'PAPER' where id = ?", bo.id());
        String boText = text(mvc.perform(get("/admin/projects/" + f.iko + "/time/" + bo.id() + "/certificate.pdf")
                .with(users.demo("sekreterare"))).andReturn().getResponse().getContentAsByteArray());
        assertThat(boText).contains("7 hela timmar (7 h)", "Bekräftad av deltagaren", "(Papper)", "212000-0746",
                boPin.substring(0, 8) + "Tm19").doesNotContain(boPin);
    }

    @Test
    void aMonthsCertificatesComeAsOnePdfAndAsAZipWithOnePdfEach() throws Exception {
        String base = "/admin/projects/" + f.iko + "/time/certificates";
        String all = text(mvc.perform(get(base + ".pdf?month=" + f.m2).with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(all).contains("Anna Testsson", "6 hela timmar (6 h 30 min)", "7 hela timmar (7 h)");
        byte[] zip = mvc.perform(get(base + ".zip?month=" + f.m2).with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(text(in.readAllBytes())).contains("Intyg av närvarotid");
            }
        }
        long annaMonth = ledger.month(f.iko, f.anna, f.m2).orElseThrow().id();
        long boMonth = ledger.month(f.iko, f.bo, f.m2).orElseThrow().id();
        assertThat(names).allMatch(n -> n.startsWith(f.m2 + "-") && n.endsWith(".pdf"))
                .contains(f.m2 + "-Anna-Testsson-" + annaMonth + ".pdf", f.m2 + "-Bo-Testsson-" + boMonth + ".pdf");
        // LFI's month is LFI's: Anna's 2 hours there are not on IKO's certificates.
        assertThat(all).doesNotContain("Samtalsmetoder");
    }

    @Test
    void theScbFileHasTheMonthsStartersAndACorrectionAfterExportFlagsThisAndLaterMonths() throws Exception {
        List<List<String>> m1 = scb(f.m1);
        assertThat(m1.getFirst()).startsWith("Personnummer", "Förnamn", "Efternamn", "E-postadress", "Mobilnummer",
                "Organisationsnummer arbetsgivare", "Arbetsgivare", "Startdatum", "Slutdatum");
        assertThat(m1).contains(List.of(annaPin.replace("-", ""), "Anna", "Testsson", "okänt", "okänt", "",
                "Testföreningen", f.m1.atDay(10).toString(), "", "9"));
        List<List<String>> m2 = scb(f.m2);
        assertThat(m2).contains(List.of(boPin.substring(0, 8) + "Tm19", "", "", "okänt", "okänt", "2120000746",
                "Kalmar kommun", f.m2.atDay(7).toString(), "", "7"));
        assertThat(m2).noneMatch(r -> r.getFirst().equals(annaPin.replace("-", "")));

        for (var m : List.of(f.m1, f.m2)) {
            mvc.perform(post("/admin/projects/" + f.iko + "/time/scb/" + m + "/reported").with(csrf())
                    .with(users.demo("sekreterare"))).andExpect(status().isFound());
        }
        assertThat(ledger.scbMonthsToResend(f.iko)).isEmpty();
        LedgerMonth anna = ledger.month(f.iko, f.anna, f.m1).orElseThrow();
        mvc.perform(post("/admin/projects/" + f.iko + "/time/" + anna.id() + "/correct").with(users.demo("sekreterare"))
                .with(csrf()).param("version", Long.toString(anna.version()))
                .param("minutes[" + f.sessions.get(0) + "]", "400").param("minutes[" + f.sessions.get(1) + "]", "210")
                .param("reason", "Påskriven lista")).andExpect(status().isFound());
        assertThat(ledger.scbMonthsToResend(f.iko)).containsExactly(f.m1, f.m2);
        mvc.perform(get("/admin/projects/" + f.iko + "/time/scb").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ska skickas igen")));
        assertThat(scb(f.m1)).anyMatch(r -> r.getFirst().equals(annaPin.replace("-", "")) && r.get(9).equals("10"));
    }

    @Test
    void onlyTheProjectsSecretariesAndAdministratorsGetCertificatesAndScbFiles() throws Exception {
        LedgerMonth anna = ledger.month(f.iko, f.anna, f.m1).orElseThrow();
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        List<String> routes = List.of("/admin/projects/" + f.iko + "/time/" + anna.id() + "/certificate.pdf",
                "/admin/projects/" + f.iko + "/time/certificates.pdf?month=" + f.m1,
                "/admin/projects/" + f.iko + "/time/certificates.zip?month=" + f.m1,
                "/admin/projects/" + f.iko + "/time/scb", "/admin/projects/" + f.iko + "/time/scb/" + f.m1 + ".xlsx");
        for (String route : routes) {
            mvc.perform(get(route).with(users.demo("admin"))).andExpect(status().isOk());
            mvc.perform(get(route).with(users.as(lfiSecretary))).andExpect(status().isForbidden());
            for (String demo : List.of("styrgrupp", "kontakt", "deltagare", "utbildare", "sokande")) {
                mvc.perform(get(route).with(users.demo(demo))).andExpect(status().isForbidden());
            }
            mvc.perform(get(route)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/admin/projects/" + f.iko + "/time/scb/" + f.m1 + "/reported").with(csrf())
                .with(users.as(lfiSecretary))).andExpect(status().isForbidden());
        // Another project's month under this project's address does not exist.
        LedgerMonth lfi = ledger.month(f.lfi, f.anna, f.m1).orElseThrow();
        mvc.perform(get("/admin/projects/" + f.iko + "/time/" + lfi.id() + "/certificate.pdf")
                .with(users.demo("sekreterare"))).andExpect(status().isNotFound());
    }

    private List<List<String>> scb(java.time.YearMonth month) throws Exception {
        byte[] xlsx = mvc.perform(get("/admin/projects/" + f.iko + "/time/scb/" + month + ".xlsx")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        return ScbSheets.read(xlsx);
    }

    private int accessLog(long person) {
        return jdbc.queryForObject("select count(*) from personal_id_access where person_id = ?", Integer.class, person);
    }

    static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Reads the first sheet of a workbook as text cells (dates as ISO dates). */
    static final class ScbSheets {
        static List<List<String>> read(byte[] xlsx) throws Exception {
            List<List<String>> rows = new ArrayList<>();
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = book.getSheetAt(0);
                DataFormatter format = new DataFormatter();
                for (Row r : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        var cell = r.getCell(i);
                        cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                                ? cell.getLocalDateTimeCellValue().toLocalDate().toString() : format.formatCellValue(cell));
                    }
                    rows.add(cells);
                }
            }
            return rows;
        }
    }
}
