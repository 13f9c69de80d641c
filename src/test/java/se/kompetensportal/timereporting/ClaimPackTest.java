package se.kompetensportal.timereporting;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.AttendanceService;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.timereporting.domain.ClaimPackJobs;
import se.kompetensportal.timereporting.domain.TimeJobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The claim pack on the hand-computed fixture: asked for, built by the job (as production runs it), followed through
 * the progress endpoint, downloaded and read back: a certificates PDF and an SCB file per month, the per-actor summary
 * (a confirmation moves Bo's 7 hours from unconfirmed to confirmed for Kalmar kommun, valued at the year's unit cost)
 * and the list of what is unconfirmed. Bad ranges answer 422; only the project's secretaries see its packs.
 */
class ClaimPackTest extends PortalIntegrationTest {

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
    ClaimPackJobs packs;

    HandComputedFixture f;

    @BeforeEach
    void fixtures() {
        f = new HandComputedFixture(new TimeFixtures(jdbc, activityRepository, projects, transactions, seats, people,
                attendance, users), users, jdbc);
        jobs.scheduledConfirmations();
        jdbc.update("insert into project_unit_cost (project_id, year, hourly_rate) values (?, ?, 300) on conflict do nothing",
                f.iko, f.m2.getYear());
    }

    @Test
    void aClaimPackHoldsTheCertificatesTheScbFilesAndTheSummaryPerActor() throws Exception {
        Map<String, byte[]> before = build();
        assertThat(before).containsKeys("tidsintyg/tidsintyg-" + f.m1 + ".pdf", "tidsintyg/tidsintyg-" + f.m2 + ".pdf",
                "scb/scb-" + f.m1 + ".xlsx", "scb/scb-" + f.m2 + ".xlsx", "sammanstallning-" + f.m1 + "-" + f.m2 + ".xlsx");
        assertThat(CertificatesAndScbTest.text(before.get("tidsintyg/tidsintyg-" + f.m1 + ".pdf")))
                .contains("Anna Testsson", "9 hela timmar (9 h 10 min)");
        assertThat(CertificatesAndScbTest.ScbSheets.read(before.get("scb/scb-" + f.m2 + ".xlsx")))
                .anyMatch(r -> r.get(2).equals("Testsson") && r.get(7).equals(f.m2.atDay(7).toString()));
        List<List<String>> unconfirmed = sheet(before, 1);
        assertThat(unconfirmed).contains(List.of(f.m1.toString(), "Anna Testsson", "9", "Skickad för bekräftelse"),
                List.of(f.m2.toString(), "Bo Testsson", "7", "Skickad för bekräftelse"));
        List<String> kalmarBefore = actor(before, "Kalmar kommun");

        LedgerMonth bo = ledger.month(f.iko, f.bo, f.m2).orElseThrow();
        jdbc.update("update time_month set status = 'CONFIRMED', answered_at = now(), method = 'PAPER' where id = ?", bo.id());
        Map<String, byte[]> after = build();
        List<String> kalmarAfter = actor(after, "Kalmar kommun");
        BigDecimal rate = jdbc.queryForObject("select hourly_rate from project_unit_cost where project_id = ? and year = ?",
                BigDecimal.class, f.iko, f.m2.getYear());
        assertThat(number(kalmarAfter, 3) - number(kalmarBefore, 3)).isEqualTo(7);
        assertThat(number(kalmarBefore, 4) - number(kalmarAfter, 4)).isEqualTo(7);
        assertThat(number(kalmarAfter, 5) - number(kalmarBefore, 5)).isEqualTo(rate.doubleValue() * 7);
        List<String> boOpen = List.of(f.m2.toString(), "Bo Testsson", "7", "Skickad för bekräftelse");
        assertThat(sheet(after, 1).stream().filter(boOpen::equals).count())
                .isEqualTo(unconfirmed.stream().filter(boOpen::equals).count() - 1);

        mvc.perform(get("/admin/projects/" + f.iko + "/time/claims").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Hämta (ZIP)")));
    }

    @Test
    void aRangeThatIsBackwardsNotOverOrNotAMonthIsRefusedAtTheField() throws Exception {
        String page = "/admin/projects/" + f.iko + "/time/claims";
        mvc.perform(post(page).with(csrf()).with(users.demo("sekreterare")).param("from", f.m2.toString())
                .param("to", f.m1.toString())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("får inte vara före")));
        mvc.perform(post(page).with(csrf()).with(users.demo("sekreterare")).param("from", f.m2.toString())
                .param("to", f.m2.plusMonths(1).toString())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("som är slut")));
        mvc.perform(post(page).with(csrf()).with(users.demo("sekreterare")).param("from", "juni")
                .param("to", "")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void onlyTheProjectsSecretariesAndAdministratorsSeeAndBuildItsClaimPacks() throws Exception {
        long id = request();
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(f.lfi));
        String base = "/admin/projects/" + f.iko + "/time/claims";
        for (String route : List.of(base, base + "/" + id + "/progress")) {
            mvc.perform(get(route).with(users.demo("admin"))).andExpect(status().isOk());
            mvc.perform(get(route).with(users.as(lfiSecretary))).andExpect(status().isForbidden());
            for (String demo : List.of("styrgrupp", "kontakt", "deltagare", "utbildare", "sokande")) {
                mvc.perform(get(route).with(users.demo(demo))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(post(base).with(csrf()).with(users.as(lfiSecretary)).param("from", f.m1.toString())
                .param("to", f.m2.toString())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/projects/" + f.lfi + "/time/claims/" + id + "/progress").with(users.demo("admin")))
                .andExpect(status().isNotFound());
        // Not built yet: nothing to download.
        mvc.perform(get(base + "/" + id + ".zip").with(users.demo("sekreterare"))).andExpect(status().isNotFound());
        mvc.perform(get(base + "/" + id + "/progress").with(users.demo("sekreterare")))
                .andExpect(jsonPath("$.status").value("QUEUED")).andExpect(jsonPath("$.finished").value(false));
    }

    private long request() throws Exception {
        MvcResult r = mvc.perform(post("/admin/projects/" + f.iko + "/time/claims").with(csrf())
                .with(users.demo("sekreterare")).param("from", f.m1.toString()).param("to", f.m2.toString()))
                .andExpect(status().isFound()).andReturn();
        return Long.parseLong(r.getResponse().getRedirectedUrl().replaceFirst(".*#pack-", ""));
    }

    private Map<String, byte[]> build() throws Exception {
        long id = request();
        packs.buildQueued();
        String base = "/admin/projects/" + f.iko + "/time/claims/" + id;
        mvc.perform(get(base + "/progress").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.finished").value(true)).andExpect(jsonPath("$.percent").value(100));
        MvcResult async = mvc.perform(get(base + ".zip").with(users.demo("sekreterare"))).andReturn();
        byte[] zip = mvc.perform(asyncDispatch(async)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private List<List<String>> sheet(Map<String, byte[]> pack, int index) throws Exception {
        byte[] xlsx = pack.get("sammanstallning-" + f.m1 + "-" + f.m2 + ".xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var format = new org.apache.poi.ss.usermodel.DataFormatter();
            List<List<String>> rows = new java.util.ArrayList<>();
            for (var row : book.getSheetAt(index)) {
                List<String> cells = new java.util.ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private List<String> actor(Map<String, byte[]> pack, String name) throws Exception {
        return sheet(pack, 0).stream().filter(r -> r.getFirst().equals(name)).findFirst().orElseThrow();
    }

    private static double number(List<String> row, int i) {
        return Double.parseDouble(row.get(i).replace(",", ".").replace(" ", ""));
    }
}
