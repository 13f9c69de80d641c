package se.kompetensportal.participants;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.participants.domain.PersonRepository;
import se.kompetensportal.participants.domain.SignUpService;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The secretary's lists per activity: add, move, cancel, raise the seats, export; scoped to their projects. */
class SecretarySignUpsTest extends PortalIntegrationTest {

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

    ParticipantFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ParticipantFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions));
    }

    @Test
    void theSecretaryAddsPeopleMovesThemAndRaisesTheSeats() throws Exception {
        long activity = fixtures.activities().activity("Sekreterarlista " + System.nanoTime()).seats(1).save();
        String base = "/admin/activities/" + activity + "/sign-ups";
        mvc.perform(post(base).with(users.demo("sekreterare")).with(csrf())
                        .param("email", "ny.person." + System.nanoTime() + "@example.se").param("firstName", "Nina")
                        .param("lastName", "Ny").param("gender", "WOMAN").param("employerName", "Föreningen Ny"))
                .andExpect(status().isFound());
        long existing = fixtures.person("Befintlig", Gender.MAN);
        String existingEmail = jdbc.queryForObject("select email from person where id = ?", String.class, existing);
        mvc.perform(post(base).with(users.demo("sekreterare")).with(csrf()).param("email", existingEmail.toUpperCase()))
                .andExpect(status().isFound());
        assertThat(fixtures.count(activity, "CONFIRMED")).isEqualTo(1);
        assertThat(fixtures.count(activity, "WAITING")).isEqualTo(1);

        mvc.perform(post(base).with(users.demo("sekreterare")).with(csrf()).param("email", "okand@example.se"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("id=\"firstName-error\"")));

        long waiting = jdbc.queryForObject("select id from sign_up where activity_id = ? and status = 'WAITING'",
                Long.class, activity);
        mvc.perform(post("/admin/sign-ups/" + waiting + "/seat").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("ingen ledig plats")));

        mvc.perform(post(base + "/seats").with(users.demo("sekreterare")).with(csrf()).param("seats", "2"))
                .andExpect(status().isFound());
        assertThat(fixtures.status(waiting)).isEqualTo("CONFIRMED");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(2);

        mvc.perform(post("/admin/sign-ups/" + waiting + "/waiting-list").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(fixtures.status(waiting)).isEqualTo("WAITING");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(1);

        mvc.perform(get(base).with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nina Ny")))
                .andExpect(content().string(containsString("Reservlista (1)")));
    }

    @Test
    void raisingTheSeatsInTheActivityFormAlsoFillsThemFromTheWaitingList() throws Exception {
        long activity = fixtures.activities().activity("Höjda platser " + System.nanoTime()).seats(1).save();
        long a = fixtures.person("A", Gender.WOMAN);
        long b = fixtures.person("B", Gender.MAN);
        seats.signUp(activity, people.findById(a).orElseThrow(), null, null, true);
        long waiting = seats.signUp(activity, people.findById(b).orElseThrow(), null, null, true).signUpId();
        jdbc.update("update activity set seats = 2 where id = ?", activity);
        // The event the activities module publishes when its form raises the seats:
        publishSeatsChanged(activity);
        awaitStatus(waiting, "CONFIRMED");
    }

    @Test
    void raisingTheSeatsPromotesExactlyAsManyAsTheNewSeatsOrThoseWaitingWithOneMailEach() throws Exception {
        long activity = fixtures.activities().activity("Fler platser " + System.nanoTime()).seats(1).save();
        seats.signUp(activity, people.findById(fixtures.person("Först", Gender.WOMAN)).orElseThrow(), null, null, true);
        java.util.List<Long> waiting = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(seats.signUp(activity, people.findById(fixtures.person("Väntar" + i, Gender.MAN)).orElseThrow(),
                    null, null, true).signUpId());
        }
        String base = "/admin/activities/" + activity + "/sign-ups";
        // Two more seats, three waiting: the first two in line get them, in the request, each with one mail.
        mvc.perform(post(base + "/seats").with(users.demo("sekreterare")).with(csrf()).param("seats", "3"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flashArgs", 2));
        assertThat(waiting.stream().map(fixtures::status).toList()).containsExactly("CONFIRMED", "CONFIRMED", "WAITING");
        assertThat(promotedMails(activity)).isEqualTo(2);
        // Three more seats, one waiting: only that one is promoted; the other seats stay free.
        mvc.perform(post(base + "/seats").with(users.demo("sekreterare")).with(csrf()).param("seats", "6"))
                .andExpect(status().isFound()).andExpect(flash().attribute("flashArgs", 1));
        assertThat(fixtures.status(waiting.get(2))).isEqualTo("CONFIRMED");
        assertThat(fixtures.seatsTaken(activity)).isEqualTo(4);
        assertThat(promotedMails(activity)).isEqualTo(3);
        assertThat(jdbc.queryForObject("""
                select count(distinct m.recipient) from outbox_message m where m.category = 'participants.promoted'
                  and m.recipient in (select p.email from person p join sign_up s on s.person_id = p.id
                                      where s.activity_id = ?)""", Integer.class, activity)).isEqualTo(3);
    }

    private int promotedMails(long activity) {
        return jdbc.queryForObject("""
                select count(*) from outbox_message m where m.category = 'participants.promoted'
                  and m.recipient in (select p.email from person p join sign_up s on s.person_id = p.id
                                      where s.activity_id = ?)""", Integer.class, activity);
    }

    @Test
    void exportsListEverySignUpInExcelAndCsv() throws Exception {
        long activity = fixtures.activities().activity("Export " + System.nanoTime()).seats(2).save();
        var group = jdbc.queryForMap("""
                select id, code from target_group
                where project_id = (select project_id from activity where id = ?) order by code limit 1""", activity);
        for (String name : new String[] {"Åsa", "Örjan", "=Formel"}) {
            seats.signUp(activity, people.findById(fixtures.person(name, Gender.WOMAN)).orElseThrow(),
                    name.equals("Åsa") ? (Long) group.get("id") : null, "Gluten", true);
        }
        byte[] xlsx = mvc.perform(get("/admin/activities/" + activity + "/sign-ups/export.xlsx")
                .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Förnamn");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Plats");
        }
        String csv = mvc.perform(get("/admin/activities/" + activity + "/sign-ups/export.csv")
                        .with(users.demo("sekreterare"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFStatus;Plats i kön;Förnamn").contains("Åsa").contains("Örjan")
                .contains("Reservlista;1;'=Formel").contains("Gluten")
                // the employer's and the target group's names come from the projects module
                .contains(";Kalmar kommun;").contains(";" + group.get("code") + ";Gluten");
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Kalmar kommun")));
    }

    @Test
    void aSecretaryOfAnotherProjectSeesNothing() throws Exception {
        long activity = fixtures.activities().activity("Annans " + System.nanoTime()).save();
        seats.signUp(activity, people.findById(fixtures.person("Hemlig", Gender.WOMAN)).orElseThrow(), null, null, true);
        String lfi = users.create(Set.of(Role.SECRETARY), null, Set.of(users.projectId("LFI")));
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.as(lfi))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups/export.csv").with(users.as(lfi)))
                .andExpect(status().isForbidden());
        long signUp = jdbc.queryForObject("select id from sign_up where activity_id = ?", Long.class, activity);
        mvc.perform(post("/admin/sign-ups/" + signUp + "/cancel").with(users.as(lfi)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(fixtures.status(signUp)).isEqualTo("CONFIRMED");
        mvc.perform(get("/admin/activities/" + activity + "/sign-ups").with(users.demo("styrgrupp")))
                .andExpect(status().isForbidden());
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    private void publishSeatsChanged(long activity) {
        transactions.executeWithoutResult(s ->
                events.publishEvent(new se.kompetensportal.activities.ActivitySeatsChanged(activity, 2)));
    }

    private void awaitStatus(long signUp, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(fixtures.status(signUp)).isEqualTo(status));
    }
}
