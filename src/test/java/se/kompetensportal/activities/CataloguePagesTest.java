package se.kompetensportal.activities;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.support.PortalIntegrationTest;
import se.kompetensportal.support.SqlStatements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The public catalogue: what it lists and what not, its filters, Swedish full-text search, pagination, the archive, the
 * activity page, and how many queries a page costs.
 */
class CataloguePagesTest extends PortalIntegrationTest {

    /** The sequence that counts changes to activities, read by the page cache on every request. */
    private static final String CHANGE_COUNTER = "activity_change_seq";

    @Autowired
    ActivityRepository repository;
    @Autowired
    ProjectsApi projects;
    @Autowired
    TransactionTemplate transactions;

    ActivityFixtures fixtures;
    String tag;

    @BeforeEach
    void setUp() {
        fixtures = new ActivityFixtures(repository, projects, transactions);
        tag = "Q" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    @Test
    void anonymousVisitorsSeePublishedUpcomingActivitiesOnly() throws Exception {
        fixtures.activity(tag + " publicerad").save();
        fixtures.activity(tag + " utkast").status(ActivityStatus.DRAFT).save();
        fixtures.activity(tag + " inställd").status(ActivityStatus.CANCELLED).save();
        fixtures.activity(tag + " passerad").startInDays(-20).save();

        mvc.perform(get("/activities").param("q", tag))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tag + " publicerad")))
                .andExpect(content().string(not(containsString(tag + " utkast"))))
                .andExpect(content().string(not(containsString(tag + " inställd"))))
                .andExpect(content().string(not(containsString(tag + " passerad"))));
    }

    @Test
    void theArchiveListsWhatHasTakenPlace() throws Exception {
        fixtures.activity(tag + " genomförd").startInDays(-40).status(ActivityStatus.COMPLETED).save();
        fixtures.activity(tag + " passerad").startInDays(-20).save();
        fixtures.activity(tag + " inställd").startInDays(-20).status(ActivityStatus.CANCELLED).save();
        fixtures.activity(tag + " kommande").save();

        mvc.perform(get("/activities/archive").param("q", tag))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Arkiv – genomförda aktiviteter")))
                .andExpect(content().string(containsString(tag + " genomförd")))
                .andExpect(content().string(containsString(tag + " passerad")))
                .andExpect(content().string(not(containsString(tag + " inställd"))))
                .andExpect(content().string(not(containsString(tag + " kommande"))));
    }

    @Test
    void filtersNarrowTheCatalogue() throws Exception {
        long iko = fixtures.ikoId();
        long lfi = users.projectId("LFI");
        fixtures.activity(tag + " spår två workshop").track(2).kind(ActivityKind.WORKSHOP).groups("2").city("Nybro").save();
        fixtures.activity(tag + " spår ett kurs").track(1).groups("1a").startInDays(70).save();
        fixtures.activity(tag + " i LFI").project(lfi).groups("A").save();

        assertListed("project=" + lfi, tag + " i LFI");
        assertListed("track=" + fixtures.trackId(iko, 2), tag + " spår två workshop");
        assertListed("targetGroup=" + fixtures.targetGroupId(iko, "1a"), tag + " spår ett kurs");
        assertListed("kind=WORKSHOP", tag + " spår två workshop");
        assertListed("place=Nybro", tag + " spår två workshop");
        YearMonth month = YearMonth.from(LocalDate.now(Formats.ZONE).plusDays(70));
        assertListed("month=" + month, tag + " spår ett kurs");
    }

    private void assertListed(String filter, String expected) throws Exception {
        String[] kv = filter.split("=");
        String body = mvc.perform(get("/activities").param("q", tag).param(kv[0], kv[1]))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> all = List.of(tag + " spår två workshop", tag + " spår ett kurs", tag + " i LFI");
        for (String title : all) {
            assertThat(body.contains(title)).as(filter + " lists " + title).isEqualTo(title.equals(expected));
        }
    }

    @Test
    void freeTextSearchUsesTheSwedishDictionary() throws Exception {
        fixtures.activity(tag + " Samtalsträning").description("Vi övar på svåra samtal och tolkade möten med nyanlända familjer.").save();
        fixtures.activity(tag + " Annat").description("Om föreningsliv.").save();

        // "familj" finds "familjer" and "möte" finds "möten" through Swedish stemming; the other activity is not found.
        mvc.perform(get("/activities").param("q", "familj " + tag))
                .andExpect(content().string(allOf(containsString(tag + " Samtalsträning"), not(containsString(tag + " Annat")))));
        mvc.perform(get("/activities").param("q", "möte " + tag))
                .andExpect(content().string(allOf(containsString(tag + " Samtalsträning"), not(containsString(tag + " Annat")))));
        mvc.perform(get("/activities").param("q", "cykelreparation " + tag))
                .andExpect(content().string(containsString("Inga aktiviteter matchar din sökning.")));
    }

    @Test
    void longListsArePaginatedAndKeepTheirFilters() throws Exception {
        for (int i = 0; i < 23; i++) {
            fixtures.activity(tag + " nummer " + (100 + i)).startInDays(30 + i).city(tag).save();
        }
        mvc.perform(get("/activities?place=" + tag))
                .andExpect(content().string(containsString(tag + " nummer 119")))
                .andExpect(content().string(not(containsString(tag + " nummer 120"))))
                .andExpect(content().string(containsString("place=" + tag + "&amp;page=1")))
                .andExpect(content().string(containsString("Visar 1–20 av 23")));
        mvc.perform(get("/activities").param("place", tag).param("page", "1"))
                .andExpect(content().string(containsString(tag + " nummer 122")))
                .andExpect(content().string(not(containsString(tag + " nummer 119"))));
    }

    @Test
    void aPageCostsTheSameFewQueriesHoweverManyActivitiesItLists() throws Exception {
        fixtures.activity(tag + " ensam").city(tag).save();
        List<String> one = SqlStatements.during(() -> mvc.perform(get("/activities").param("place", tag))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tag + " ensam"))));
        for (int i = 0; i < 25; i++) {
            fixtures.activity(tag + " många " + i).city(tag).sessions(3).groups("1a", "2", "3a").save();
        }
        List<String> many = SqlStatements.during(() -> mvc.perform(get("/activities").param("place", tag))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tag + " många 18"))));
        // Both pages follow a change: the change counter (read once, by the page cache, and passed on to the service),
        // what the filters offer (four queries), the count, the page and its target groups.
        assertThat(many).as("statements for a full page").hasSameSizeAs(one).hasSizeLessThanOrEqualTo(8);
        assertThat(many.getFirst()).contains(CHANGE_COUNTER);
        assertThat(many).filteredOn(sql -> sql.contains(CHANGE_COUNTER)).as("reads of the change counter").hasSize(1);
        String group = Long.toString(fixtures.targetGroupId(fixtures.ikoId(), "2"));
        List<String> searched = SqlStatements.during(() -> mvc.perform(get("/activities")
                .param("q", tag).param("targetGroup", group)
                .param("month", YearMonth.now(Formats.ZONE).plusMonths(1).toString())).andExpect(status().isOk()));
        // Unchanged activities: the filters' options are remembered; after the change counter, a search first asks for
        // plans made for its words.
        assertThat(searched).as("statements with every filter").hasSizeLessThanOrEqualTo(5);
        assertThat(searched.getFirst()).contains(CHANGE_COUNTER);
        assertThat(searched.get(1)).contains("plan_cache_mode");
    }

    @Test
    void anonymousVisitorsAreServedARememberedPageWhileActivitiesAreUnchanged() throws Exception {
        fixtures.activity(tag + " första").city(tag).save();
        String first = mvc.perform(get("/activities").param("place", tag)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> again = SqlStatements.during(() -> mvc.perform(get("/activities").param("place", tag))
                .andExpect(status().isOk()).andExpect(content().string(first)));
        assertThat(again).as("a remembered page runs no query but the change counter's").singleElement()
                .asString().contains(CHANGE_COUNTER);

        fixtures.activity(tag + " andra").city(tag).save();
        mvc.perform(get("/activities").param("place", tag))
                .andExpect(content().string(containsString(tag + " andra")));
    }

    @Test
    void junkParametersLeadToTheCleanAddressAndARememberedPageKeepsItsSecurityHeaders() throws Exception {
        fixtures.activity(tag + " ren").city(tag).save();
        mvc.perform(get("/activities?place=" + tag + "&utm_source=nyhetsbrev&fbclid=x"))
                .andExpect(status().isMovedPermanently()).andExpect(redirectedUrl("/activities?place=" + tag));
        mvc.perform(get("/activities?place=" + tag)).andExpect(status().isOk());
        List<String> again = SqlStatements.during(() -> mvc.perform(get("/activities?place=" + tag))
                .andExpect(status().isOk()).andExpect(content().string(containsString(tag + " ren")))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY")));
        assertThat(again).singleElement().asString().contains(CHANGE_COUNTER);
    }

    @Test
    void signedInVisitorsGetTheirOwnPageAndAnonymousOnesNoSession() throws Exception {
        fixtures.activity(tag + " inloggad").save();
        var anonymous = mvc.perform(get("/activities").param("q", tag)).andExpect(status().isOk()).andReturn();
        assertThat(anonymous.getRequest().getSession(false)).isNull();
        assertThat(anonymous.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(anonymous.getResponse().getContentAsString()).doesNotContain("_csrf");
        mvc.perform(get("/activities").param("q", tag).with(users.demo("deltagare")))
                .andExpect(content().string(containsString("Inloggad som Dana Deltagare")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/activities").param("q", tag))
                .andExpect(content().string(not(containsString("Dana Deltagare"))));
    }

    @Test
    void theActivityPageShowsWhatAParticipantNeedsToDecide() throws Exception {
        long id = fixtures.activity(tag + " Jämställdhet i kulturmötet").sessions(2).seats(30).seatsTaken(12)
                .description("Förståelse för normer.\n\n- Föreläsning\n- Samtal i grupp").save();
        String path = "/activities/" + id + "-" + tag.toLowerCase() + "-jamstalldhet-i-kulturmotet";
        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>" + tag + " Jämställdhet i kulturmötet – IKO – Kompetensportalen</title>")))
                .andExpect(content().string(containsString("<meta name=\"description\" content=\"Förståelse för normer. Föreläsning Samtal i grupp\">")))
                .andExpect(content().string(containsString("<link rel=\"canonical\" href=\"http://localhost:8080" + path + "\">")))
                .andExpect(content().string(containsString("18 av 30 platser kvar")))
                .andExpect(content().string(containsString("<ul><li>Föreläsning</li><li>Samtal i grupp</li></ul>")))
                .andExpect(content().string(containsString("Testlokalen")))
                .andExpect(content().string(containsString("Lokalen är inte anmäld som tillgänglig utan trappsteg")))
                .andExpect(content().string(containsString("14 timmar")))
                .andExpect(content().string(containsString("Anmälan är öppen")))
                .andExpect(content().string(containsString("href=\"/activities/" + id + "/sign-up\"")))
                .andExpect(content().string(containsString("href=\"/activities/" + id + "/calendar.ics\"")));
    }

    @Test
    void aFullActivityOffersTheWaitingList() throws Exception {
        long id = fixtures.activity(tag + " full").seats(10).seatsTaken(10).save();
        mvc.perform(get("/activities/" + id + "-" + tag.toLowerCase() + "-full"))
                .andExpect(content().string(containsString("Fullbokad")))
                .andExpect(content().string(containsString("0 av 10 platser kvar")))
                .andExpect(content().string(containsString("Ställ dig på reservlistan")))
                .andExpect(content().string(not(containsString(">Anmäl dig<"))));
    }

    @Test
    void addressesWithoutOrWithAnOldTitleLeadToTheCurrentOne() throws Exception {
        long id = fixtures.activity(tag + " Språkcafé").save();
        String canonical = "/activities/" + id + "-" + tag.toLowerCase() + "-sprakcafe";
        mvc.perform(get("/activities/" + id)).andExpect(status().isMovedPermanently()).andExpect(redirectedUrl(canonical));
        mvc.perform(get("/activities/" + id + "-gammal-titel")).andExpect(status().isMovedPermanently())
                .andExpect(redirectedUrl(canonical));
    }

    @Test
    void draftsAreNotPublicAndCancelledActivitiesSaySo() throws Exception {
        long draft = fixtures.activity(tag + " utkast").status(ActivityStatus.DRAFT).save();
        mvc.perform(get("/activities/" + draft)).andExpect(status().isNotFound());
        mvc.perform(get("/activities/" + draft + "/calendar.ics")).andExpect(status().isNotFound());
        mvc.perform(get("/activities/999999999")).andExpect(status().isNotFound());

        long cancelled = fixtures.activity(tag + " inställd").status(ActivityStatus.CANCELLED).save();
        mvc.perform(get("/activities/" + cancelled + "-" + tag.toLowerCase() + "-installd"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Aktiviteten är inställd.")))
                .andExpect(content().string(containsString("Inställd i test")))
                .andExpect(content().string(not(containsString("/sign-up"))));
    }

    @Test
    void descriptionsAreShownAsTextNeverAsMarkup() throws Exception {
        long id = fixtures.activity(tag + " skript")
                .description("Hej <script>alert('x')</script> & <b>fet</b>\n- punkt <img src=x onerror=alert(1)>").save();
        mvc.perform(get("/activities/" + id + "-" + tag.toLowerCase() + "-skript"))
                .andExpect(content().string(containsString("Hej &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;")))
                .andExpect(content().string(containsString("<li>punkt &lt;img src=x onerror=alert(1)&gt;</li>")))
                .andExpect(content().string(not(containsString("<script>alert"))))
                .andExpect(content().string(not(containsString("<img src=x"))));
    }

    @Test
    void theCatalogueSpeaksEnglishToo() throws Exception {
        fixtures.activity(tag + " engelska").kind(ActivityKind.NETWORK_MEETING).save();
        mvc.perform(get("/activities").param("q", tag).param("lang", "en"))
                .andExpect(content().string(containsString("<h1>Course catalogue</h1>")))
                .andExpect(content().string(containsString("Network meeting")))
                .andExpect(content().string(containsString("Registration is open")));
    }

    @Test
    void badFilterValuesAreABadRequestNotAnError() throws Exception {
        mvc.perform(get("/activities").param("month", "inte-en-månad")).andExpect(status().isBadRequest());
        mvc.perform(get("/activities").param("kind", "PICKNICK")).andExpect(status().isBadRequest());
        mvc.perform(get("/activities").param("page", "999")).andExpect(status().isOk());
    }

    @Test
    void theNavigationLeadsEveryoneToTheCatalogue() throws Exception {
        mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/activities\"")))
                .andExpect(content().string(not(containsString("href=\"/admin/activities\""))));
        mvc.perform(get("/").with(users.demo("sekreterare")))
                .andExpect(content().string(containsString("href=\"/admin/activities\"")));
        ProjectInfo iko = projects.project(fixtures.ikoId()).orElseThrow();
        mvc.perform(get("/activities").param("project", Long.toString(iko.id())))
                .andExpect(content().string(containsString("/activities/calendar/project/" + iko.id() + ".ics")))
                .andExpect(header().string("Content-Type", containsString("text/html")));
    }
}
