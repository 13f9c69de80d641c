package se.kompetensportal.indicators;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard, the indicator definitions, the collaboration register and the progress report over HTTP: every route
 * per role, scoping to the user's projects (a steering-group member or secretary of another project gets 403), bad
 * input answered with field messages and 422, concurrent saves with 409, and the exports.
 */
class IndicatorPagesTest extends PortalIntegrationTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    @Autowired se.kompetensportal.activities.domain.ActivityRepository activityRepository;
    @Autowired se.kompetensportal.projects.ProjectsApi projectsApi;

    IndicatorFixtures f;
    RequestPostProcessor steering;
    RequestPostProcessor secretary;

    @BeforeEach
    void project() {
        LocalDate today = LocalDate.now(Formats.ZONE);
        f = new IndicatorFixtures(jdbc, today.minusDays(200), today.plusDays(200), 50);
        steering = users.as(users.create(Set.of(Role.STEERING), null, Set.of(f.project)));
        secretary = users.as(users.create(Set.of(Role.SECRETARY), null, Set.of(f.project)));
    }

    String dashboard() {
        return "/dashboard/projects/" + f.project;
    }

    @Test
    void anonymousVisitorsAreSentToLogin() throws Exception {
        for (String route : new String[] {"/dashboard", dashboard(), dashboard() + "/export.pdf",
                dashboard() + "/export.xlsx", dashboard() + "/progress-report", "/admin/indicators",
                "/admin/collaboration-projects"}) {
            mvc.perform(get(route)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void participantsActorContactsAndApplicantsAreRefused() throws Exception {
        for (String role : new String[] {"deltagare", "kontakt", "sokande"}) {
            for (String route : new String[] {"/dashboard", dashboard(), dashboard() + "/export.pdf",
                    dashboard() + "/progress-report", "/admin/indicators", "/admin/collaboration-projects"}) {
                mvc.perform(get(route).with(users.demo(role))).andExpect(status().isForbidden());
            }
        }
    }

    @Test
    void theProjectsSteeringGroupSeesTheDashboardButNotTheSecretarysPages() throws Exception {
        mvc.perform(get("/dashboard").with(steering)).andExpect(status().isOk())
                .andExpect(content().string(containsString(f.shortName)));
        mvc.perform(get(dashboard()).with(steering)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Indikatorer för " + f.shortName)));
        mvc.perform(get(dashboard() + "/export.pdf").with(steering)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get(dashboard() + "/progress-report").with(steering)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/indicators").param("projectId", "" + f.project).with(steering))
                .andExpect(status().isForbidden());
        // The steering group reads the collaboration register (issue 17) but gets none of its forms.
        mvc.perform(get("/admin/collaboration-projects").param("projectId", "" + f.project).with(steering))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/collaboration-projects/new").param("projectId", "" + f.project).with(steering))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherProjectsSteeringGroupAndSecretaryGet403() throws Exception {
        mvc.perform(get("/dashboard").with(users.demo("styrgrupp"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(f.shortName))));
        for (String role : new String[] {"styrgrupp", "sekreterare"}) {
            mvc.perform(get(dashboard()).with(users.demo(role))).andExpect(status().isForbidden());
            mvc.perform(get(dashboard() + "/export.xlsx").with(users.demo(role))).andExpect(status().isForbidden());
            mvc.perform(get(dashboard() + "/export.pdf").with(users.demo(role))).andExpect(status().isForbidden());
        }
        mvc.perform(get(dashboard() + "/progress-report").with(users.demo("sekreterare"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/indicators").param("projectId", "" + f.project).with(users.demo("sekreterare")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/collaboration-projects").param("projectId", "" + f.project).with(users.demo("sekreterare")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(validIndicator())
                .with(users.demo("sekreterare")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theProjectsSecretaryAndAdministratorsSeeEverything() throws Exception {
        for (RequestPostProcessor who : new RequestPostProcessor[] {secretary, users.demo("admin")}) {
            mvc.perform(get(dashboard()).with(who)).andExpect(status().isOk());
            mvc.perform(get(dashboard() + "/export.xlsx").with(who)).andExpect(status().isOk());
            mvc.perform(get(dashboard() + "/progress-report").with(who)).andExpect(status().isOk());
            mvc.perform(get(dashboard() + "/progress-report.pdf").with(who)).andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"));
            mvc.perform(get("/admin/indicators").param("projectId", "" + f.project).with(who)).andExpect(status().isOk());
            mvc.perform(get("/admin/indicators/new").param("projectId", "" + f.project).with(who)).andExpect(status().isOk());
            mvc.perform(get("/admin/collaboration-projects").param("projectId", "" + f.project).with(who))
                    .andExpect(status().isOk());
            mvc.perform(get("/admin/collaboration-projects/new").param("projectId", "" + f.project).with(who))
                    .andExpect(status().isOk());
        }
    }

    org.springframework.util.MultiValueMap<String, String> validIndicator() {
        var p = new org.springframework.util.LinkedMultiValueMap<String, String>();
        p.add("nameSv", "Unika deltagare " + f.shortName);
        p.add("kind", "UNIQUE_PARTICIPANTS");
        p.add("comparison", "AT_LEAST");
        p.add("target", "40");
        p.add("period", "WHOLE_PROJECT");
        p.add("version", "0");
        return p;
    }

    @Test
    void theSecretaryDefinesAnIndicatorThatShowsOnTheDashboard() throws Exception {
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(validIndicator())
                .with(secretary).with(csrf())).andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/indicators?projectId=" + f.project));
        mvc.perform(get(dashboard()).with(steering)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Unika deltagare " + f.shortName)))
                .andExpect(content().string(containsString("minst 40")))
                .andExpect(content().string(containsString("I riskzonen")));
        byte[] xlsx = mvc.perform(get(dashboard() + "/export.xlsx").with(steering)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Unika deltagare " + f.shortName);
            assertThat(book.getSheetAt(0).getRow(1).getCell(10).getStringCellValue()).isEqualTo("I riskzonen");
            assertThat(book.getNumberOfSheets()).isEqualTo(2 + 5);
        }
        long id = jdbc.queryForObject("select id from indicator where project_id = ?", Long.class, f.project);
        // Someone else saved first: the old version is refused with 409.
        var edit = validIndicator();
        edit.set("target", "1");
        mvc.perform(post("/admin/indicators/" + id).params(edit).with(secretary).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(post("/admin/indicators/" + id).params(edit).with(secretary).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void badIndicatorInputGetsFieldMessagesAnd422() throws Exception {
        var noName = validIndicator();
        noName.set("nameSv", "");
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(noName).with(secretary).with(csrf()))
                .andExpect(status().isUnprocessableContent());
        var shareAsCount = validIndicator();
        shareAsCount.set("kind", "PARTICIPANT_GENDER_SHARE");
        shareAsCount.add("gender", "WOMAN");
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(shareAsCount).with(secretary)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Det här slaget är en andel")));
        var between = validIndicator();
        between.set("kind", "TRAINER_GENDER_SHARE");
        between.set("comparison", "SHARE_BETWEEN");
        between.add("gender", "WOMAN");
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(between).with(secretary)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange en övre gräns")));
        var noKind = validIndicator();
        noKind.set("kind", "ACTIVITIES_HELD");
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(noKind).with(secretary)
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Välj vilket slag av aktivitet")));
        var garbage = validIndicator();
        garbage.set("target", "många");
        garbage.set("kind", "NO_SUCH_KIND");
        mvc.perform(post("/admin/indicators").param("projectId", "" + f.project).params(garbage).with(secretary)
                .with(csrf())).andExpect(status().isUnprocessableContent());
        assertThat(jdbc.queryForObject("select count(*) from indicator where project_id = ?", Long.class, f.project))
                .isZero();
    }

    @Test
    void aCollaborationProjectNeedsAnAuthorityAndANonProfitPartner() throws Exception {
        MockHttpServletRequestBuilder onlyMunicipality = post("/admin/collaboration-projects")
                .param("projectId", "" + f.project).param("title", "Samverkan " + f.shortName)
                .param("status", "IDEA").param("partnerIds", "" + f.municipality).param("version", "0");
        mvc.perform(onlyMunicipality.with(secretary).with(csrf())).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("minst en myndighet")));
        mvc.perform(post("/admin/collaboration-projects").param("projectId", "" + f.project)
                        .param("title", "Samverkan " + f.shortName).param("status", "CARRIED_OUT")
                        .param("developedOn", "2026-01-10").param("partnerIds", "" + f.municipality, "" + f.nonProfit)
                        .param("version", "0").with(secretary).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange när projektet genomfördes")));
        mvc.perform(post("/admin/collaboration-projects").param("projectId", "" + f.project)
                        .param("title", "Samverkan " + f.shortName).param("status", "CARRIED_OUT")
                        .param("developedOn", "2026-01-10").param("carriedOutOn", "2026-03-10")
                        .param("partnerIds", "" + f.municipality, "" + f.nonProfit)
                        .param("version", "0").with(secretary).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get("/admin/collaboration-projects").param("projectId", "" + f.project).with(secretary))
                .andExpect(content().string(containsString("Samverkan " + f.shortName)))
                .andExpect(content().string(containsString(f.nonProfitName)));
        long id = jdbc.queryForObject("select id from collaboration_project where project_id = ?", Long.class, f.project);
        mvc.perform(get("/admin/collaboration-projects/" + id).with(users.demo("sekreterare")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theProgressReportTextsAreSavedAsVersions() throws Exception {
        String url = dashboard() + "/progress-report";
        mvc.perform(post(url).param("from", f.start.toString()).param("to", f.end.toString())
                        .param("genderEquality", "Alla kurser tar upp genus.").param("accessibility", "")
                        .param("nonDiscrimination", "").param("version", "0").with(secretary).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get(url).param("from", f.start.toString()).param("to", f.end.toString()).with(secretary))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Alla kurser tar upp genus.")))
                .andExpect(content().string(containsString("Version 1")));
        // A save based on version 0 after version 1 exists: someone else saved in between.
        mvc.perform(post(url).param("from", f.start.toString()).param("to", f.end.toString())
                        .param("genderEquality", "Annan text").param("version", "0").with(secretary).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post(url).param("from", f.start.toString()).param("to", f.end.toString())
                        .param("genderEquality", "Ny text").param("version", "1").with(secretary).with(csrf()))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForList("select gender_equality from progress_report where project_id = ? order by version_no",
                String.class, f.project)).containsExactly("Alla kurser tar upp genus.", "Ny text");
        mvc.perform(post(url).param("from", f.start.toString()).param("to", f.end.toString())
                        .param("genderEquality", "x".repeat(20001)).param("version", "2").with(secretary).with(csrf()))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedWith422() throws Exception {
        mvc.perform(get(dashboard()).param("from", "2026-05-01").param("to", "2026-04-01").with(steering))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Slutdatumet kan inte vara före startdatumet.")));
        mvc.perform(get(dashboard()).param("from", "inte-ett-datum").with(steering))
                .andExpect(status().is4xxClientError());
        // A start after the project's end, with no end given.
        mvc.perform(get(dashboard()).param("from", "2099-01-01").with(steering))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get(dashboard() + "/export.xlsx").param("from", "2099-01-01").with(steering))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void aRememberedDashboardIsForgottenWhenTheProjectsAttendanceChanges() throws Exception {
        long activity = new se.kompetensportal.activities.ActivityFixtures(activityRepository, projectsApi, transactions)
                .activity("Kurs " + f.shortName).project(f.project).groups("A").sessions(2).startInDays(-20)
                .status(se.kompetensportal.activities.ActivityStatus.COMPLETED).save();
        LocalDate day = LocalDate.now(Formats.ZONE).minusDays(20);
        f.attend(f.signUp(f.person("WOMAN", f.municipality), activity, f.groupA), 1, day, 420);
        mvc.perform(get(dashboard()).with(steering)).andExpect(content().string(containsString(" 1 unika deltagare")));
        // Written behind the portal's back: no event, the remembered dashboard stands.
        f.attend(f.signUp(f.person("MAN", f.nonProfit), activity, f.groupB), 1, day, 420);
        mvc.perform(get(dashboard()).with(steering)).andExpect(content().string(containsString(" 1 unika deltagare")));
        // The participants module announces recorded attendance: the dashboard is computed again.
        long session = jdbc.queryForObject("select min(id) from activity_session where activity_id = ?", Long.class, activity);
        transactions.executeWithoutResult(tx -> events.publishEvent(
                new se.kompetensportal.participants.AttendanceRecorded(activity, session, f.project, 1, 0)));
        mvc.perform(get(dashboard()).with(steering)).andExpect(content().string(containsString(" 2 unika deltagare")));
    }
}
