package se.kompetensportal.activities;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.activities.domain.TrainerGender;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The secretary's activity pages: create with the first session, the rules on times, seats, tracks and target groups,
 * optimistic locking, copy, sessions, trainers, publish, cancel, complete, delete, scoping to managed projects.
 */
@RecordApplicationEvents
class ActivityPagesTest extends PortalIntegrationTest {

    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    ActivityFixtures fixtures;
    String tag;
    long iko;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(repository, projects, transactions);
        tag = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        iko = fixtures.ikoId();
    }

    /** A valid creation form for IKO, its first session in 40 days; callers override fields. */
    private Map<String, String> validForm() {
        LocalDate first = LocalDate.now(Formats.ZONE).plusDays(40);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("projectId", Long.toString(iko));
        form.put("trackId", Long.toString(fixtures.trackId(iko, 2)));
        form.put("kind", "WORKSHOP");
        form.put("title", tag + " Ny workshop");
        form.put("description", "Beskrivning");
        form.put("level", "BASIC");
        form.put("targetGroupIds", Long.toString(fixtures.targetGroupId(iko, "2")));
        form.put("language", "sv");
        form.put("venueName", "Kalmar läns museum");
        form.put("venueCity", "Kalmar");
        form.put("stepFreeAccess", "true");
        form.put("seats", "25");
        form.put("targetParticipants", "20");
        form.put("registrationCloses", first.minusDays(3).atTime(12, 0).toString());
        form.put("cancellationDeadline", first.minusDays(5).atTime(12, 0).toString());
        form.put("sessionDate", first.toString());
        form.put("sessionStart", "09:00");
        form.put("sessionEnd", "12:30");
        return form;
    }

    private MockHttpServletRequestBuilder postForm(String url, Map<String, String> fields, String demoUser) {
        return postForm(url, fields, users.demo(demoUser));
    }

    private MockHttpServletRequestBuilder postForm(String url, Map<String, String> fields, RequestPostProcessor user) {
        MockHttpServletRequestBuilder request = post(url).with(user).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private long create(Map<String, String> form) throws Exception {
        String location = mvc.perform(postForm("/admin/activities", form, "sekreterare"))
                .andExpect(status().isFound()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    @Test
    void aSecretaryCreatesADraftWithItsFirstSession() throws Exception {
        Map<String, String> form = validForm();
        form.put("targetGroupIds", fixtures.targetGroupId(iko, "2") + "," + fixtures.targetGroupId(iko, "3a"));
        long id = create(form);

        Map<String, Object> row = jdbc.queryForMap("select * from activity where id = ?", id);
        assertThat(row.get("status")).isEqualTo("DRAFT");
        assertThat(row.get("title")).isEqualTo(tag + " Ny workshop");
        assertThat(row.get("session_count")).isEqualTo(1);
        assertThat(row.get("total_minutes")).isEqualTo(210);
        assertThat(row.get("step_free_access")).isEqualTo(true);
        assertThat(jdbc.queryForList("select target_group_id from activity_target_group where activity_id = ?", Long.class, id))
                .hasSize(2);
        mvc.perform(get("/admin/activities/" + id).with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " Ny workshop")))
                .andExpect(content().string(containsString("Tillfällen: 1, sammanlagt 3,5 timmar")));
        mvc.perform(get("/admin/activities/new").param("projectId", Long.toString(iko)).with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Första tillfället")));
    }

    @Test
    void badInputGetsAMessageAtTheField() throws Exception {
        assertRejected(Map.of("sessionEnd", "08:00"), "Sluttiden måste vara efter starttiden.");
        LocalDate first = LocalDate.now(Formats.ZONE).plusDays(40);
        assertRejected(Map.of("registrationCloses", first.atTime(10, 0).toString()),
                "Anmälan måste stänga senast när första tillfället börjar.");
        assertRejected(Map.of("cancellationDeadline", first.plusDays(1).atTime(10, 0).toString()),
                "Sista dag att avboka måste vara senast när första tillfället börjar.");
        assertRejected(Map.of("registrationOpens", first.minusDays(1).atTime(10, 0).toString()),
                "Anmälan kan inte stänga innan den öppnar.");
        assertRejected(Map.of("seats", "0"), "Aktiviteten måste ha minst 1 plats.");
        assertRejected(Map.of("title", ""), "Fältet måste fyllas i.");
        assertRejected(Map.of("targetGroupIds", ""), "Välj minst en målgrupp.");
        long lfiTrack = fixtures.trackId(users.projectId("LFI"), 1);
        assertRejected(Map.of("trackId", Long.toString(lfiTrack)), "Välj ett av projektets spår.");
        long lfiGroup = fixtures.targetGroupId(users.projectId("LFI"), "A");
        assertRejected(Map.of("targetGroupIds", Long.toString(lfiGroup)), "Välj bland projektets målgrupper.");
        assertRejected(Map.of("sessionDate", "igår"), "Ange ett datum som ÅÅÅÅ-MM-DD.");
        assertThat(jdbc.queryForObject("select count(*) from activity where title like ?", Integer.class, tag + "%"))
                .isZero();
    }

    private void assertRejected(Map<String, String> changes, String message) throws Exception {
        Map<String, String> form = validForm();
        form.putAll(changes);
        mvc.perform(postForm("/admin/activities", form, "sekreterare"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString(message)));
    }

    @Test
    void twoSecretariesSavingTheSameActivityGetAConflictPage() throws Exception {
        long id = create(validForm());
        Map<String, String> edit = validForm();
        edit.put("version", "0");
        edit.put("title", tag + " Första ändringen");
        mvc.perform(postForm("/admin/activities/" + id, edit, "sekreterare"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/activities/" + id));

        edit.put("title", tag + " Andra ändringen");
        mvc.perform(postForm("/admin/activities/" + id, edit, "admin"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan hann före")));
        assertThat(jdbc.queryForObject("select title from activity where id = ?", String.class, id))
                .isEqualTo(tag + " Första ändringen");
    }

    @Test
    void seatsCannotBeLoweredBelowThoseTakenAndRegistrationMustCloseBeforeTheFirstSession() throws Exception {
        long id = create(validForm());
        jdbc.update("update activity set status = 'PUBLISHED', published_at = now(), seats_taken = 5 where id = ?", id);
        Map<String, String> edit = validForm();
        List.of("sessionDate", "sessionStart", "sessionEnd").forEach(edit::remove);
        edit.put("version", jdbc.queryForObject("select version from activity where id = ?", Long.class, id).toString());
        edit.put("seats", "4");
        mvc.perform(postForm("/admin/activities/" + id, edit, "sekreterare"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Antalet platser kan inte vara färre än de 5 som redan är tagna.")));

        edit.put("seats", "5");
        edit.put("registrationCloses", LocalDate.now(Formats.ZONE).plusDays(41).atTime(8, 0).toString());
        mvc.perform(postForm("/admin/activities/" + id, edit, "sekreterare"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Anmälan måste stänga senast när första tillfället börjar.")));

        edit.put("registrationCloses", LocalDate.now(Formats.ZONE).plusDays(35).atTime(8, 0).toString());
        mvc.perform(postForm("/admin/activities/" + id, edit, "sekreterare")).andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select seats, seats_taken from activity where id = ?", id))
                .containsEntry("seats", 5).containsEntry("seats_taken", 5);
    }

    @Test
    void sessionsAreAddedAndRemovedAndTheHoursFollow() throws Exception {
        long id = create(validForm());
        LocalDate second = LocalDate.now(Formats.ZONE).plusDays(54);
        mvc.perform(postForm("/admin/activities/" + id + "/sessions",
                        Map.of("date", second.toString(), "start", "13:00", "end", "16:15", "onlineUrl", "https://meet.example.se/x"),
                        "sekreterare"))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select session_count, total_minutes from activity where id = ?", id))
                .containsEntry("session_count", 2).containsEntry("total_minutes", 210 + 195);

        mvc.perform(postForm("/admin/activities/" + id + "/sessions",
                        Map.of("date", second.toString(), "start", "13:00", "end", "12:00"), "sekreterare"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Sluttiden måste vara efter starttiden.")));
        mvc.perform(postForm("/admin/activities/" + id + "/sessions",
                        Map.of("date", LocalDate.now(Formats.ZONE).plusDays(36).toString(), "start", "09:00", "end", "10:00"),
                        "sekreterare"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Tillfället börjar innan anmälan stänger")));

        List<Long> sessions = jdbc.queryForList("select id from activity_session where activity_id = ? order by starts_at", Long.class, id);
        mvc.perform(post("/admin/activities/" + id + "/sessions/" + sessions.get(0) + "/delete")
                .with(users.demo("sekreterare")).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select session_count, total_minutes, first_start from activity where id = ?", id))
                .containsEntry("session_count", 1).containsEntry("total_minutes", 195);
        mvc.perform(post("/admin/activities/" + id + "/sessions/" + sessions.get(1) + "/delete")
                        .with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("En aktivitet måste ha minst ett tillfälle.")));

        // A row of another module referring to a session (as attendance will) stops its removal.
        mvc.perform(postForm("/admin/activities/" + id + "/sessions",
                Map.of("date", second.plusDays(7).toString(), "start", "09:00", "end", "10:00"), "sekreterare"))
                .andExpect(status().isFound());
        long attended = jdbc.queryForObject("select max(id) from activity_session where activity_id = ?", Long.class, id);
        jdbc.execute("create table if not exists test_attendance (session_id bigint not null references activity_session (id))");
        try {
            jdbc.update("insert into test_attendance (session_id) values (?)", attended);
            mvc.perform(post("/admin/activities/" + id + "/sessions/" + attended + "/delete")
                            .with(users.demo("sekreterare")).with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("Tillfället har registrerad närvaro")));
        } finally {
            jdbc.execute("drop table test_attendance");
        }
        assertThat(jdbc.queryForObject("select session_count from activity where id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void trainersAreAddedWithTheirGenderAndRemoved() throws Exception {
        long id = create(validForm());
        mvc.perform(postForm("/admin/activities/" + id + "/trainers", Map.of("name", "Alma Öberg", "organisation", "Rädda Barnen",
                "external", "true", "gender", "WOMAN"), "sekreterare")).andExpect(status().isFound());
        mvc.perform(postForm("/admin/activities/" + id + "/trainers", Map.of("name", "Utan kön", "external", "true"), "sekreterare"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj kön.")));
        mvc.perform(get("/admin/activities/" + id).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("Alma Öberg")))
                .andExpect(content().string(containsString("1 kvinnor (100 %), 0 män (0 %).")));
        long trainer = jdbc.queryForObject("select id from activity_trainer where activity_id = ?", Long.class, id);
        mvc.perform(post("/admin/activities/" + id + "/trainers/" + trainer + "/delete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from activity_trainer where activity_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void aCopyRepeatsTheActivityOnNewDatesAsADraft() throws Exception {
        long id = create(validForm());
        LocalDate second = LocalDate.now(Formats.ZONE).plusDays(47);
        mvc.perform(postForm("/admin/activities/" + id + "/sessions", Map.of("date", second.toString(), "start", "13:00", "end", "16:00"),
                "sekreterare")).andExpect(status().isFound());
        mvc.perform(postForm("/admin/activities/" + id + "/trainers", Map.of("name", "Kopierad Utbildare", "external", "false",
                "gender", "MAN"), "sekreterare")).andExpect(status().isFound());

        LocalDate newFirst = LocalDate.now(Formats.ZONE).plusDays(240); // across a daylight-saving change at times
        String location = mvc.perform(postForm("/admin/activities/" + id + "/copy",
                        Map.of("title", tag + " Kopia", "firstDate", newFirst.toString()), "sekreterare"))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("/admin/activities/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long copy = Long.parseLong(location.replaceAll("\\D", ""));
        assertThat(copy).isNotEqualTo(id);
        assertThat(jdbc.queryForObject("select status from activity where id = ?", String.class, copy)).isEqualTo("DRAFT");
        List<LocalDateTime> starts = jdbc.queryForList("""
                select (starts_at at time zone 'Europe/Stockholm') from activity_session where activity_id = ? order by starts_at""",
                LocalDateTime.class, copy);
        assertThat(starts).containsExactly(newFirst.atTime(9, 0), newFirst.plusDays(7).atTime(13, 0));
        assertThat(jdbc.queryForObject("select (registration_closes at time zone 'Europe/Stockholm') from activity where id = ?",
                LocalDateTime.class, copy)).isEqualTo(newFirst.minusDays(3).atTime(12, 0));
        assertThat(jdbc.queryForList("select name from activity_trainer where activity_id = ?", String.class, copy))
                .containsExactly("Kopierad Utbildare");
        mvc.perform(postForm("/admin/activities/" + id + "/copy", Map.of("title", "", "firstDate", ""), "sekreterare"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void publishCancelAndCompleteFollowTheLifeOfAnActivityAndTellOtherModules() throws Exception {
        long id = create(validForm());
        mvc.perform(post("/admin/activities/" + id + "/publish").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(events.stream(ActivityPublished.class)).containsExactly(new ActivityPublished(id, iko));
        mvc.perform(get("/activities/" + id)).andExpect(status().isMovedPermanently());
        mvc.perform(post("/admin/activities/" + id + "/publish").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/admin/activities/" + id + "/complete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("först när dess sista tillfälle har slutat")));

        mvc.perform(postForm("/admin/activities/" + id + "/cancel", Map.of("reason", " "), "sekreterare"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(postForm("/admin/activities/" + id + "/cancel", Map.of("reason", "Föreläsaren är sjuk."), "sekreterare"))
                .andExpect(status().isFound());
        assertThat(events.stream(ActivityCancelled.class)).containsExactly(new ActivityCancelled(id, iko, "Föreläsaren är sjuk."));
        assertThat(jdbc.queryForMap("select status, cancel_reason from activity where id = ?", id))
                .containsEntry("status", "CANCELLED").containsEntry("cancel_reason", "Föreläsaren är sjuk.");
        mvc.perform(get("/admin/activities/" + id + "/edit").with(users.demo("sekreterare")))
                .andExpect(status().isUnprocessableContent());

        long past = fixtures.activity(tag + " passerad").startInDays(-3).save();
        mvc.perform(post("/admin/activities/" + past + "/complete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound());
        assertThat(events.stream(ActivityCompleted.class)).containsExactly(new ActivityCompleted(past, iko));
        assertThat(jdbc.queryForObject("select status from activity where id = ?", String.class, past)).isEqualTo("COMPLETED");
    }

    @Test
    void anActivityWithSignUpsCannotBeDeletedOnlyCancelled() throws Exception {
        long taken = fixtures.activity(tag + " med anmälda").seatsTaken(1).save();
        mvc.perform(post("/admin/activities/" + taken + "/delete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("har anmälningar och kan inte tas bort")));

        // A row of another module referring to the activity (as a sign-up will) also stops the deletion.
        long referred = fixtures.activity(tag + " refererad").save();
        jdbc.execute("create table if not exists test_sign_up (activity_id bigint not null references activity (id))");
        try {
            jdbc.update("insert into test_sign_up (activity_id) values (?)", referred);
            mvc.perform(post("/admin/activities/" + referred + "/delete").with(users.demo("sekreterare")).with(csrf()))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("har anmälningar och kan inte tas bort")));
        } finally {
            jdbc.execute("drop table test_sign_up");
        }

        long free = fixtures.activity(tag + " fri").status(ActivityStatus.DRAFT).save();
        mvc.perform(post("/admin/activities/" + free + "/delete").with(users.demo("sekreterare")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/activities?projectId=" + iko));
        assertThat(jdbc.queryForObject("select count(*) from activity where id in (?, ?, ?)", Integer.class, taken, referred, free))
                .isEqualTo(2);
    }

    @Test
    void aSecretarySeesAndChangesOnlyTheActivitiesOfTheirProjects() throws Exception {
        long lfi = users.projectId("LFI");
        String lfiSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(lfi));
        long ikoActivity = fixtures.activity(tag + " IKO-aktivitet").save();
        long lfiActivity = fixtures.activity(tag + " LFI-aktivitet").project(lfi).groups("A").save();

        mvc.perform(get("/admin/activities").with(users.as(lfiSecretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " LFI-aktivitet")))
                .andExpect(content().string(not(containsString(tag + " IKO-aktivitet"))));
        mvc.perform(get("/admin/activities").param("projectId", Long.toString(iko)).with(users.as(lfiSecretary)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(tag + " IKO-aktivitet"))));
        for (String path : List.of("", "/edit", "/copy", "/cancel", "/sessions/new", "/trainers/new")) {
            mvc.perform(get("/admin/activities/" + ikoActivity + path).with(users.as(lfiSecretary)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/admin/activities/new").param("projectId", Long.toString(iko)).with(users.as(lfiSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/activities/balance").param("projectId", Long.toString(iko)).with(users.as(lfiSecretary)))
                .andExpect(status().isForbidden());
        Map<String, String> form = validForm();
        form.put("version", "0");
        for (String path : List.of("", "/publish", "/cancel", "/complete", "/delete", "/sessions", "/trainers")) {
            mvc.perform(postForm("/admin/activities/" + ikoActivity + path, form, users.as(lfiSecretary)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(postForm("/admin/activities", form, users.as(lfiSecretary)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForMap("select title, status, version from activity where id = ?", ikoActivity))
                .containsEntry("title", tag + " IKO-aktivitet").containsEntry("status", "PUBLISHED");
        mvc.perform(get("/admin/activities/" + lfiActivity).with(users.as(lfiSecretary))).andExpect(status().isOk());
        mvc.perform(get("/admin/activities/999999999").with(users.as(lfiSecretary))).andExpect(status().isNotFound());
    }

    @Test
    void theListFiltersAndSorts() throws Exception {
        fixtures.activity(tag + " B-kurs").track(3).startInDays(10).save();
        fixtures.activity(tag + " A-kurs").track(3).startInDays(20).status(ActivityStatus.DRAFT).save();
        fixtures.activity(tag + " C-workshop").track(3).kind(ActivityKind.WORKSHOP).startInDays(5).save();
        fixtures.activity(tag + " i spår 4").track(4).save();
        String track3 = Long.toString(fixtures.trackId(iko, 3));

        String byTitle = mvc.perform(get("/admin/activities").param("trackId", track3).param("sort", "title")
                .with(users.demo("sekreterare"))).andReturn().getResponse().getContentAsString();
        assertThat(byTitle).doesNotContain(tag + " i spår 4");
        assertThat(byTitle.indexOf(tag + " A-kurs")).isLessThan(byTitle.indexOf(tag + " B-kurs"));
        assertThat(byTitle.indexOf(tag + " B-kurs")).isLessThan(byTitle.indexOf(tag + " C-workshop"));

        String byDate = mvc.perform(get("/admin/activities").param("trackId", track3).param("sort", "date")
                .param("from", LocalDate.now(Formats.ZONE).plusDays(4).toString())
                .param("to", LocalDate.now(Formats.ZONE).plusDays(15).toString())
                .with(users.demo("sekreterare"))).andReturn().getResponse().getContentAsString();
        assertThat(byDate.indexOf(tag + " C-workshop")).isLessThan(byDate.indexOf(tag + " B-kurs"));
        assertThat(byDate).doesNotContain(tag + " A-kurs");

        mvc.perform(get("/admin/activities").param("trackId", track3).param("status", "DRAFT").param("kind", "COURSE")
                        .with(users.demo("sekreterare")))
                .andExpect(content().string(containsString(tag + " A-kurs")))
                .andExpect(content().string(not(containsString(tag + " B-kurs"))));
    }

    @Test
    void activityDatesMayFallOutsideTheProjectPeriodWithAWarning() throws Exception {
        long id = fixtures.activity(tag + " utanför").startInDays(800).trainers(TrainerGender.WOMAN).save();
        mvc.perform(get("/admin/activities/" + id).with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("ligger utanför projektperioden (" + LocalDate.of(
                        LocalDate.now(Formats.ZONE).getYear() - 1, 1, 1) + " – " + LocalDate.of(
                        LocalDate.now(Formats.ZONE).getYear() + 1, 12, 31) + ")")));
    }
}
