package se.kompetensportal.actors;

import java.time.Duration;
import java.util.Arrays;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import se.kompetensportal.activities.ActivityFixtures;
import se.kompetensportal.actors.domain.ActorPlanService;
import se.kompetensportal.actors.domain.PlanForm;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Filing and updating an actor's plan: the text rendered safely, the document checked by its content and served as a
 * download, bad uploads refused on the field with nothing lost, concurrent edits refused with 409, the plan counted by
 * {@link ActorsApi#organisationsWithPlan(long)} and announced by {@link ActorPlanFiled}; the staff's list of plans.
 */
@RecordApplicationEvents
class ActorPlanTest extends PortalIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ActivityRepository activityRepository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ActorsApi actors;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ActorPlanService planService;

    ActorFixtures fixtures;
    long iko;
    long org;
    String contact;
    String plan;

    @BeforeEach
    void anActorWithAContact() {
        fixtures = new ActorFixtures(jdbc, new ActivityFixtures(activityRepository, projects, transactions), users);
        iko = fixtures.iko();
        org = fixtures.organisation("Plankommunen", iko);
        contact = fixtures.contact(org);
        plan = "/my-organisation/projects/" + iko + "/plan";
    }

    @Test
    void aContactFilesThePlanWithADocumentAndItCountsAsFiled() throws Exception {
        assertThat(actors.organisationsWithPlan(iko)).doesNotContain(org);
        mvc.perform(get(plan).with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lämna in planen")));

        file("Vi fortsätter.\n\n- Nätverk\n- <script>alert(1)</script>", pdf("vår plan.pdf"), null)
                .andExpect(status().isFound()).andExpect(redirectedUrl(plan));

        assertThat(actors.organisationsWithPlan(iko)).contains(org);
        assertThat(events.stream(ActorPlanFiled.class)).containsExactly(new ActorPlanFiled(iko, org));
        mvc.perform(get(plan).with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<p>Vi fortsätter.</p><ul><li>Nätverk</li>"
                        + "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(containsString("vår plan.pdf")))
                .andExpect(content().string(containsString("av Test " + contact)))
                .andExpect(content().string(containsString("Ändra planen")));
        mvc.perform(get(plan + "/document").with(users.as(contact))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''v%C3%A5r%20plan.pdf")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(ActorFixtures.PDF));
    }

    @Test
    void aWordDocumentIsServedAsWordWhateverItsNameSays() throws Exception {
        file("Plan med Word.", new MockMultipartFile("document", "plan.exe", "application/octet-stream",
                ActorFixtures.docx()), null).andExpect(status().isFound());
        mvc.perform(get(plan + "/document").with(users.as(contact))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andExpect(header().string("Content-Disposition", containsString("plan.exe.docx")));
    }

    @Test
    void aFileOfTheWrongKindIsRefusedOnTheFieldAndNothingIsLost() throws Exception {
        file("Första versionen.", pdf("första.pdf"), null).andExpect(status().isFound());
        for (MockMultipartFile wrong : new MockMultipartFile[] {
                new MockMultipartFile("document", "plan.pdf", "application/pdf", ActorFixtures.TEXT),
                new MockMultipartFile("document", "bild.png", "image/png", ActorFixtures.PNG)}) {
            file("Andra versionen som inte sparas.", wrong, 0L)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().string(containsString("Filen är inte en PDF eller ett Word-dokument.")))
                    .andExpect(content().string(containsString("id=\"document-error\"")))
                    .andExpect(content().string(containsString("aria-invalid=\"true\"")))
                    // What the user typed is still in the form.
                    .andExpect(content().string(containsString("Andra versionen som inte sparas.")));
        }
        assertThat(text()).isEqualTo("Första versionen.");
        assertThat(version()).isZero();
        mvc.perform(get(plan + "/document").with(users.as(contact))).andExpect(status().isOk())
                .andExpect(content().bytes(ActorFixtures.PDF));
    }

    @Test
    void aDocumentOverTheLimitIsRefusedOnTheField() throws Exception {
        byte[] big = Arrays.copyOf(ActorFixtures.PDF, 5 * 1024 * 1024 + 1);
        file("Plan med stor fil.", new MockMultipartFile("document", "stor.pdf", "application/pdf", big), null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Dokumentet får vara högst 5 MB.")))
                .andExpect(content().string(containsString("Plan med stor fil.")));
        assertThat(actors.organisationsWithPlan(iko)).doesNotContain(org);
        byte[] justRight = Arrays.copyOf(ActorFixtures.PDF, 5 * 1024 * 1024);
        file("Plan med lagom fil.", new MockMultipartFile("document", "lagom.pdf", "application/pdf", justRight), null)
                .andExpect(status().isFound());
        assertThat(actors.organisationsWithPlan(iko)).contains(org);
    }

    @Test
    void aBlankOrTooLongTextIsRefused() throws Exception {
        file("   ", null, null).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Fältet måste fyllas i.")));
        file("x".repeat(20_001), null, null).andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Ange högst 20")));
        assertThat(actors.organisationsWithPlan(iko)).doesNotContain(org);
    }

    @Test
    void twoEditsOfTheSameVersionConflictAndTheFirstIsKept() throws Exception {
        file("Version ett.", null, null).andExpect(status().isFound());
        String colleague = fixtures.contact(org);
        file("Min ändring.", null, 0L).andExpect(status().isFound());
        mvc.perform(multipart(plan).param("planText", "Kollegans ändring.").param("version", "0")
                        .with(users.as(colleague)).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan hann före")));
        assertThat(text()).isEqualTo("Min ändring.");
        assertThat(version()).isEqualTo(1L);
        // A "first filing" while a plan already exists is a conflict too.
        file("Ännu en första version.", null, null).andExpect(status().isConflict());
        assertThat(text()).isEqualTo("Min ändring.");
    }

    @Test
    void anEditSavedWhileAnotherIsUnderwayIsRefusedWith409() throws Exception {
        file("Version ett.", null, null).andExpect(status().isFound());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> second = transactions.execute(tx -> {
                PortalUser user = users.principal(contact);
                SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
                try {
                    // The first edit has written its row (version 0 -> 1) but not committed yet ...
                    planService.file(user, iko, new PlanForm("Den första ändringen.", null, null, 0L));
                    // ... when the second, opened on the same version, is saved.
                    Future<Integer> f = executor.submit(() -> mvc.perform(multipart(plan)
                                    .param("planText", "Den andra ändringen.").param("version", "0")
                                    .with(users.as(contact)).with(csrf()))
                            .andReturn().getResponse().getStatus());
                    // Commit only once the second save waits for the row (or has already answered).
                    await().atMost(Duration.ofSeconds(20)).until(() -> f.isDone() || jdbc.queryForObject("""
                            select count(*) from pg_stat_activity
                            where datname = current_database() and wait_event_type = 'Lock'""", Integer.class) > 0);
                    return f;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
            assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(409);
        } finally {
            executor.shutdownNow();
        }
        assertThat(text()).isEqualTo("Den första ändringen.");
        assertThat(version()).isEqualTo(1L);
    }

    @Test
    void theDocumentCanBeReplacedAndRemovedAndUpdatesShowWhoChangedThePlan() throws Exception {
        file("Med fil.", pdf("ett.pdf"), null).andExpect(status().isFound());
        file("Med ny fil.", new MockMultipartFile("document", "två.doc", "application/msword",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1,
                        0, 0}), 0L).andExpect(status().isFound());
        mvc.perform(get(plan + "/document").with(users.as(contact)))
                .andExpect(header().string("Content-Type", "application/msword"));
        mvc.perform(multipart(plan).param("planText", "Utan fil.").param("version", "1")
                        .param("removeDocument", "true").with(users.as(contact)).with(csrf()))
                .andExpect(status().isFound());
        mvc.perform(get(plan + "/document").with(users.as(contact))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from actor_plan_document where organisation_id = ?",
                Integer.class, org)).isZero();
        mvc.perform(get(plan).with(users.as(contact)))
                .andExpect(content().string(containsString("Senast ändrad")))
                .andExpect(content().string(not(containsString("Bifogat dokument"))));
        assertThat(events.stream(ActorPlanFiled.class)).hasSize(3);
    }

    @Test
    void theStaffSeeWhichActorsHaveAPlanAndReadIt() throws Exception {
        long without = fixtures.organisation("Planlösa föreningen", iko);
        file("Vår plan för fortsatt arbete.", pdf("plan.pdf"), null).andExpect(status().isFound());
        String orgName = fixtures.name(org);
        mvc.perform(get("/admin/actor-plans/" + iko).with(users.demo("sekreterare")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(orgName)))
                .andExpect(content().string(containsString(fixtures.name(without))))
                .andExpect(content().string(containsString("Har inte lämnat in någon plan ännu")))
                // Invited to send staff, not one of the plan's actors: not asked for a plan.
                .andExpect(content().string(not(containsString("Migrationsverket"))));
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + org).with(users.demo("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vår plan för fortsatt arbete.")))
                .andExpect(content().string(containsString("/admin/actor-plans/" + iko + "/" + org + "/document")));
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + org + "/document").with(users.demo("sekreterare")))
                .andExpect(status().isOk()).andExpect(content().bytes(ActorFixtures.PDF));
        mvc.perform(get("/admin/actor-plans/" + iko + "/" + without).with(users.demo("sekreterare")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/actor-plans").with(users.demo("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vi blir fler")));
    }

    @Test
    void theDemoDataHasPlansForSomeIkoActorsAndNotOthers() throws Exception {
        long kalmar = jdbc.queryForObject("select id from organisation where name = 'Kalmar kommun'", Long.class);
        long fryshuset = jdbc.queryForObject("select id from organisation where name = 'Fryshuset'", Long.class);
        assertThat(actors.organisationsWithPlan(iko)).contains(kalmar).doesNotContain(fryshuset);
        mvc.perform(get(plan).with(users.demo("kontakt"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("plan-kalmar-kommun.pdf")))
                .andExpect(content().string(containsString("Karin Kontaktperson")));
        mvc.perform(get("/my-organisation").with(users.demo("kontakt"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vi blir fler")))
                .andExpect(content().string(containsString("Inlämnad")));
    }

    private ResultActions file(String text, MockMultipartFile document, Long version) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart(plan);
        if (document != null) {
            request.file(document);
        }
        request.param("planText", text);
        if (version != null) {
            request.param("version", Long.toString(version));
        }
        return mvc.perform(request.with(users.as(contact)).with(csrf()));
    }

    private static MockMultipartFile pdf(String name) {
        return new MockMultipartFile("document", name, "application/pdf", ActorFixtures.PDF);
    }

    private String text() {
        return jdbc.queryForObject("select plan_text from actor_plan where project_id = ? and organisation_id = ?",
                String.class, iko, org);
    }

    private long version() {
        return jdbc.queryForObject("select version from actor_plan where project_id = ? and organisation_id = ?",
                Long.class, iko, org);
    }
}
