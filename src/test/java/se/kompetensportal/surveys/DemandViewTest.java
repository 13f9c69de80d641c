package se.kompetensportal.surveys;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.indicators.IndicatorFixtures;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.surveys.domain.DemandService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demand view on a hand-made project: needs from a mapping per track, target group and actor, registered
 * interest, and the seats of activities not yet held; groups of fewer than five respondents are not shown.
 */
class DemandViewTest extends SurveyKindsTestBase {

    @Autowired
    DemandService demand;

    record Fixture(IndicatorFixtures f, long mapping, long laterCourse) {
    }

    /**
     * Six answers from the municipality (target group A: five want track one, three track two), three from the
     * association (B: track two); interest: two in track one, one in the next run of a track-two course, one for group B
     * from the municipality; planned: a published track-one course (20 seats, group A, 4 taken) and a draft track-two
     * workshop (2 seats, groups A and B); a completed and a cancelled course that do not count.
     */
    private Fixture fixture() throws Exception {
        IndicatorFixtures f = ownProject();
        long planned = fixtures.activities().activity("Planerad " + f.shortName).project(f.project).track(1).groups("A")
                .seats(20).seatsTaken(4).save();
        long later = fixtures.activities().activity("Senare " + f.shortName).project(f.project).track(2).groups("A", "B")
                .seats(2).status(ActivityStatus.DRAFT).save();
        fixtures.activities().activity("Hållen " + f.shortName).project(f.project).track(1).groups("A").seats(30)
                .startInDays(-10).status(ActivityStatus.COMPLETED).save();
        fixtures.activities().activity("Inställd " + f.shortName).project(f.project).track(2).groups("B").seats(30)
                .status(ActivityStatus.CANCELLED).save();
        long id = survey(f.project, "MAPPING", "Efterfrågan " + f.shortName);
        long tracks = addQuestion(id, "CHOOSE_UP_TO", "Vilka spår?", Map.of("optionSource", "TRACK", "maxChoices", "1"));
        // CHOOSE_UP_TO with two tracks allows one; a second question lets a respondent name both.
        long both = addQuestion(id, "MULTIPLE_CHOICE", "Fler spår?", Map.of("optionSource", "TRACK", "required", "false"));
        long group = addQuestion(id, "SINGLE_CHOICE", "Målgrupp", Map.of("optionSource", "TARGET_GROUP"));
        String municipality = openLink(id, f.municipality, null);
        String association = openLink(id, f.nonProfit, null);
        send(id);
        for (int i = 0; i < 6; i++) {
            Map<String, List<String>> answer = new java.util.HashMap<>(Map.of("q" + group, List.of("1")));
            answer.put("q" + tracks, List.of(i < 5 ? "1" : "2"));
            if (i >= 3 && i < 5) {
                answer.put("q" + both, List.of("1", "2"));
            }
            mvc.perform(openAnswer(municipality, null, answer)).andExpect(status().isFound());
        }
        for (int i = 0; i < 3; i++) {
            mvc.perform(openAnswer(association, null, Map.of("q" + tracks, List.of("2"), "q" + group, List.of("2"))))
                    .andExpect(status().isFound());
        }
        LocalDate today = LocalDate.now();
        jdbc.update("""
                insert into interest_registration (id, project_id, track_id, name, email, registered_on)
                values (nextval('interest_seq'), ?, ?, 'A', 'a@example.se', ?), (nextval('interest_seq'), ?, ?, 'B', 'b@example.se', ?)""",
                f.project, f.track1, today, f.project, f.track1, today);
        jdbc.update("""
                insert into interest_registration (id, project_id, activity_id, name, email, registered_on)
                values (nextval('interest_seq'), ?, ?, 'C', 'c@example.se', ?)""", f.project, later, today);
        jdbc.update("""
                insert into interest_registration (id, project_id, target_group_id, organisation_id, name, email, registered_on)
                values (nextval('interest_seq'), ?, ?, ?, 'D', 'd@example.se', ?)""", f.project, f.groupB, f.municipality, today);
        assertThat(planned).isPositive();
        return new Fixture(f, id, later);
    }

    @Test
    void needsAndInterestPerTrackStandAgainstThePlannedSeats() throws Exception {
        Fixture x = fixture();
        IndicatorFixtures f = x.f();
        DemandService.DemandView d = demand.demand(users.principal("admin@kompetensportal.example"), f.project,
                null, null, null, Locale.of("sv"));
        assertThat(d.respondents()).isEqualTo(9);
        assertThat(d.interest()).isEqualTo(4);
        DemandService.TrackDemand one = d.tracks().get(0);
        DemandService.TrackDemand two = d.tracks().get(1);
        // Track one: five respondents, two registrations; one published course of 20 seats (4 taken).
        assertThat(one.needs()).isEqualTo(5);
        assertThat(one.needsPercent()).isCloseTo(55.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(one.interest()).isEqualTo(2);
        assertThat(one.plannedActivities()).isEqualTo(1);
        assertThat(one.plannedSeats()).isEqualTo(20);
        assertThat(one.seatsTaken()).isEqualTo(4);
        assertThat(one.balance()).isEqualTo(13);
        // Track two: one plus two (named both) from the municipality, three from the association; the registration for
        // the next run of its draft workshop; two seats: five short.
        assertThat(two.needs()).isEqualTo(6);
        assertThat(two.interest()).isEqualTo(1);
        assertThat(two.plannedActivities()).isEqualTo(1);
        assertThat(two.plannedSeats()).isEqualTo(2);
        assertThat(two.balance()).isEqualTo(-5);
        // Per target group: A (six) shown, B (three) withheld; seats of activities for each group.
        DemandService.GroupDemand a = d.byTargetGroup().get(0);
        DemandService.GroupDemand b = d.byTargetGroup().get(1);
        assertThat(a.suppressed()).isFalse();
        assertThat(a.respondents()).isEqualTo(6);
        assertThat(a.needs()).containsExactly(5L, 3L);
        assertThat(a.plannedSeats()).isEqualTo(22);
        assertThat(b.suppressed()).isTrue();
        assertThat(b.needs()).isEmpty();
        assertThat(b.interest()).isEqualTo(1);
        assertThat(b.plannedSeats()).isEqualTo(2);
        // Per actor: the municipality shown (with its registration), the association withheld.
        assertThat(d.byActor()).extracting(DemandService.GroupDemand::label, DemandService.GroupDemand::suppressed,
                DemandService.GroupDemand::interest).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(f.municipalityName, false, 1L),
                org.assertj.core.groups.Tuple.tuple(f.nonProfitName, true, 0L));
    }

    @Test
    void thePageAndItsExportsWithholdSmallGroupsAndFollowTheChosenMapping() throws Exception {
        Fixture x = fixture();
        IndicatorFixtures f = x.f();
        String page = mvc.perform(get("/admin/surveys/demand?projectId=" + f.project).with(users.demo("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"demand-tracks\"")))
                .andExpect(content().string(containsString("5 platser för få")))
                .andReturn().getResponse().getContentAsString();
        int association = page.indexOf(f.nonProfitName, page.indexOf("id=\"demand-actor\""));
        assertThat(page.substring(association, page.indexOf("</tr>", association))).contains("För få svar")
                .doesNotContain(">3<");
        List<List<String>> rows = rows(mvc.perform(get("/admin/surveys/demand.xlsx?projectId=" + f.project)
                .with(users.demo("admin"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(rows).anyMatch(r -> r.getFirst().equals(f.nonProfitName) && r.get(1).equals("För få svar")
                && r.get(2).equals("För få svar"));
        assertThat(rows).anyMatch(r -> r.getFirst().equals("A Grupp A") && r.get(1).equals("6.0"));
        byte[] pdf = mvc.perform(get("/admin/surveys/demand.pdf?projectId=" + f.project).with(users.demo("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains(f.nonProfitName)
                    .contains("För få svar");
        }
        // Another mapping of the project with no answers: chosen alone, no needs are shown.
        long other = survey(f.project, "MAPPING", "Tom " + f.shortName);
        DemandService.DemandView empty = demand.demand(users.principal("admin@kompetensportal.example"),
                f.project, other, null, null, Locale.of("sv"));
        assertThat(empty.respondents()).isZero();
        assertThat(empty.suppressed()).isTrue();
        assertThat(empty.tracks()).allMatch(t -> t.needs() == null);
        // A survey of another project is not a mapping of this one.
        mvc.perform(get("/admin/surveys/demand?projectId=" + f.project + "&surveyId=" + x.mapping() + "0")
                .with(users.demo("admin"))).andExpect(status().isNotFound());
    }

    @Test
    void theDemandViewIsForTheProjectsStaffAndSteeringGroupOnly() throws Exception {
        Fixture x = fixture();
        long project = x.f().project;
        String steering = users.create(Set.of(Role.STEERING), null, Set.of(project));
        String otherSteering = users.create(Set.of(Role.STEERING), null, Set.of(fixtures.activities().ikoId()));
        String otherSecretary = users.create(Set.of(Role.SECRETARY), null, Set.of(fixtures.activities().ikoId()));
        for (String path : List.of("/admin/surveys/demand?projectId=" + project,
                "/admin/surveys/demand.xlsx?projectId=" + project, "/admin/surveys/demand.pdf?projectId=" + project)) {
            mvc.perform(get(path).with(users.as(steering))).andExpect(status().isOk());
            mvc.perform(get(path).with(users.as(otherSteering))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.as(otherSecretary))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("deltagare"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(users.demo("kontakt"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().isFound());
        }
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            book.forEach(sheet -> {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(c.toString()));
                    rows.add(cells);
                }
            });
        }
        return rows;
    }
}
