package se.kompetensportal.actors;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.OrganisationParticipation;
import se.kompetensportal.participants.OrganisationParticipation.PersonMonthHours;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The organisation's participants and hours: whole hours rounded down per person and month (not per session), only
 * attended sessions, only the organisation's own people, erased people's hours kept without their name; the page, its
 * chart data and the Excel export agree.
 */
class ActorHoursTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OrganisationParticipation participation;

    ActorFixtures fixtures;
    long iko;
    long org;
    String contact;
    long course;
    long workshop;

    @BeforeEach
    void staffWithAttendance() {
        fixtures = new ActorFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions), users);
        iko = fixtures.iko();
        org = fixtures.organisation("Timkommunen", iko);
        long other = fixtures.organisation("Annan kommun", iko);
        contact = fixtures.contact(org);
        course = fixtures.pastActivity("Timkurs", iko, 3);
        workshop = fixtures.pastActivity("Timverkstad", iko, 2);
        List<Long> c = fixtures.sessions(course);
        List<Long> w = fixtures.sessions(workshop);
        long alva = fixtures.person("Alva", "Timsson", org);
        long bo = fixtures.person("Bo", "Timsson", org);
        long cecilia = fixtures.person("Cecilia", "Raderasson", org);
        long stranger = fixtures.person("Främling", "Annansson", other);

        long alvaCourse = fixtures.signUp(course, alva, "CONFIRMED");
        fixtures.attendance(c.get(0), alvaCourse, LocalDate.of(2026, 1, 12), 90, true);
        fixtures.attendance(c.get(1), alvaCourse, LocalDate.of(2026, 1, 19), 90, true);   // January: 180 min = 3 h
        fixtures.attendance(c.get(2), alvaCourse, LocalDate.of(2026, 2, 2), 50, true);    // February: 50 min = 0 h
        long alvaWorkshop = fixtures.signUp(workshop, alva, "CONFIRMED");
        fixtures.attendance(w.get(0), alvaWorkshop, LocalDate.of(2026, 2, 20), 100, false); // absent: not counted

        long boCourse = fixtures.signUp(course, bo, "CONFIRMED");
        fixtures.attendance(c.get(0), boCourse, LocalDate.of(2026, 1, 12), 59, true);
        fixtures.attendance(c.get(1), boCourse, LocalDate.of(2026, 1, 19), 59, true);     // 118 min = 1 h, not 0 + 0
        fixtures.signUp(workshop, bo, "WAITING");

        long ceciliaWorkshop = fixtures.signUp(workshop, cecilia, "CONFIRMED");
        fixtures.attendance(w.get(0), ceciliaWorkshop, LocalDate.of(2026, 3, 5), 150, true); // March: 2 h
        fixtures.erase(cecilia);

        long strangerCourse = fixtures.signUp(course, stranger, "CONFIRMED");
        fixtures.attendance(c.get(0), strangerCourse, LocalDate.of(2026, 1, 12), 600, true);
    }

    @Test
    void hoursAreWholeHoursPerPersonAndMonthOfAttendedSessionsOfTheOrganisationsOwnPeople() {
        List<PersonMonthHours> hours = participation.hoursPerPersonAndMonth(iko, org);
        assertThat(hours).extracting(PersonMonthHours::month, PersonMonthHours::firstName, PersonMonthHours::wholeHours,
                        PersonMonthHours::erased)
                .containsExactly(
                        tuple(YearMonth.of(2026, 1), "Alva", 3L, false),
                        tuple(YearMonth.of(2026, 1), "Bo", 1L, false),
                        tuple(YearMonth.of(2026, 2), "Alva", 0L, false),
                        tuple(YearMonth.of(2026, 3), "–", 2L, true));
        assertThat(participation.hoursPerActivity(iko, org))
                .extracting(a -> a.activityId(), a -> a.people(), a -> a.minutesAttended())
                .containsExactly(tuple(course, 2L, 348L), tuple(workshop, 1L, 150L));
    }

    @Test
    void signUpsArePagedByNameThenFirstSessionWithTheActivitiesTitlesFromTheActivitiesModule() {
        var first = participation.signUps(iko, org, PageRequest.of(0, 3));
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(first.getContent()).extracting(l -> l.firstName(), l -> l.activityId())
                .containsExactly(tuple("Alva", course), tuple("Alva", workshop), tuple("Bo", course));
        assertThat(first.getContent().getFirst().activityTitle()).startsWith("Timkurs");
        assertThat(first.getContent().getFirst().firstSessionDate()).isEqualTo(
                LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).minusDays(60));
        assertThat(first.getContent().getFirst().sessionsAttended()).isEqualTo(3);
        var second = participation.signUps(iko, org, PageRequest.of(1, 3));
        assertThat(second.getContent()).extracting(l -> l.firstName(), l -> l.activityId(), l -> l.status())
                .containsExactly(tuple("Bo", workshop, OrganisationParticipation.SignUpStatus.WAITING));
        assertThat(participation.hoursPerActivity(iko, org)).extracting(a -> a.activityTitle())
                .allMatch(t -> t.startsWith("Timkurs") || t.startsWith("Timverkstad"));
    }

    @Test
    void theParticipantsPageListsTheOrganisationsSignUpsButNotErasedPeople() throws Exception {
        mvc.perform(get("/my-organisation/projects/" + iko + "/participants").with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alva Timsson")))
                .andExpect(content().string(containsString("Bo Timsson")))
                .andExpect(content().string(containsString("På väntelista")))
                .andExpect(content().string(containsString("0 av 1 tillfällen")))
                .andExpect(content().string(containsString("3 av 3 tillfällen")))
                .andExpect(content().string(containsString("2 personer har anmält sig, varav 2 har deltagit")))
                .andExpect(content().string(not(containsString("Raderasson"))))
                .andExpect(content().string(not(containsString("Främling"))));
    }

    @Test
    void theHoursPageShowsTheMonthsInAChartAndInTablesBesideIt() throws Exception {
        mvc.perform(get("/my-organisation/projects/" + iko + "/hours").with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-labels=\"[&quot;2026-01&quot;,&quot;2026-02&quot;,&quot;2026-03&quot;]\"")))
                .andExpect(content().string(containsString("data-values=\"[4,0,2]\"")))
                .andExpect(content().string(containsString("/js/actors/hours-chart.js")))
                .andExpect(content().string(containsString("<caption id=\"hours-per-month-caption\">Hela timmar per månad</caption>")))
                .andExpect(content().string(containsString("role=\"region\" aria-labelledby=\"hours-per-month-caption\"")))
                .andExpect(content().string(containsString("Raderad person")))
                .andExpect(content().string(not(containsString("Främling"))))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void theExcelExportHoldsTheSameFigures() throws Exception {
        byte[] xlsx = mvc.perform(get("/my-organisation/projects/" + iko + "/hours.xlsx").with(users.as(contact)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(rows(book.getSheetAt(0))).containsExactly(
                    List.of("Månad", "Personer", "Hela timmar"),
                    List.of("2026-01", "2.0", "4.0"),
                    List.of("2026-02", "1.0", "0.0"),
                    List.of("2026-03", "1.0", "2.0"),
                    List.of("Totalt", "", "6.0"));
            assertThat(rows(book.getSheetAt(1))).contains(List.of("2026-01", "Alva Timsson", "3.0"),
                    List.of("2026-03", "Raderad person", "2.0"));
            assertThat(rows(book.getSheetAt(1)).toString()).doesNotContain("Främling");
            assertThat(book.getSheetAt(2).getPhysicalNumberOfRows()).isEqualTo(3);
        }
    }

    @Test
    void theParticipantsListIsPagedAndItsTotalsCoverEveryPage() throws Exception {
        long big = fixtures.organisation("Storkommunen", iko);
        String bigContact = fixtures.contact(big);
        long activity = fixtures.pastActivity("Stor kurs", iko, 1);
        for (int i = 0; i < 51; i++) {
            fixtures.signUp(activity, fixtures.person("Sidperson" + String.format("%02d", i), "Storsson", big),
                    "CONFIRMED");
        }
        String page = "/my-organisation/projects/" + iko + "/participants";
        String first = mvc.perform(get(page).with(users.as(bigContact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("51 personer har anmält sig, varav 0 har deltagit")))
                .andExpect(content().string(containsString("page=1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(first.split("Sidperson", -1)).hasSize(51);
        String second = mvc.perform(get(page).param("page", "1").with(users.as(bigContact)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(second.split("Sidperson", -1)).hasSize(2);
        mvc.perform(get(page).param("page", "-3").with(users.as(bigContact))).andExpect(status().isOk());
        mvc.perform(get(page).param("page", "x").with(users.as(bigContact))).andExpect(status().isBadRequest());
        mvc.perform(get("/my-organisation").with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString(">6<")));
    }

    @Test
    void anOrganisationWithoutAttendanceSeesThatNothingIsRecorded() throws Exception {
        long empty = fixtures.organisation("Tomma kommunen", iko);
        mvc.perform(get("/my-organisation/projects/" + iko + "/hours").with(users.as(fixtures.contact(empty))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen närvaro är registrerad")))
                .andExpect(content().string(not(containsString("hours-chart"))));
    }

    private static List<List<String>> rows(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                var cell = row.getCell(i);
                cells.add(cell == null ? "" : switch (cell.getCellType()) {
                    case NUMERIC -> Double.toString(cell.getNumericCellValue());
                    default -> cell.getStringCellValue();
                });
            }
            rows.add(cells);
        }
        return rows;
    }
}
