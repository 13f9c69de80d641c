package se.kompetensportal.journeys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.support.BrowserTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The competence mapping in a real browser, every page checked with axe-core: the secretary maps LFI's five
 * municipalities (a mapping with the project's tracks as "choose up to two" and its target groups, one open link per
 * municipality), twenty people answer through the links, and the demand view shows the needs per track and per
 * municipality, withholding those with fewer than five answers.
 */
class MappingJourneyBrowserTest extends BrowserTest {

    /** How many answer through each municipality's link. */
    private static final Map<String, Integer> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("Osby kommun", 6);
        ANSWERS.put("Kristianstads kommun", 6);
        ANSWERS.put("Hässleholms kommun", 4);
        ANSWERS.put("Östra Göinge kommun", 2);
        ANSWERS.put("Hörby kommun", 2);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSecretaryMapsLfisMunicipalitiesTwentyPeopleAnswerAndTheDemandViewShowsTheResult() {
        page.onDialog(dialog -> dialog.accept());
        long lfi = jdbc.queryForObject("select id from project where short_name = 'LFI'", Long.class);
        String title = "Kartläggning våren " + System.nanoTime();

        loginAs("sekreterare");
        adminMenu("Enkäter och kartläggningar");
        assertThat(page.locator("h1")).hasText("Enkäter och kartläggningar");
        page.locator("#projectId").selectOption(String.valueOf(lfi));
        page.locator("main form[method=get] button[type=submit]").click();
        checkAccessibility();

        // A new mapping.
        page.locator("details summary", new Page.LocatorOptions().setHasText("Ny enkät")).click();
        page.locator("label", new Page.LocatorOptions().setHasText("Kompetenskartläggning")).click();
        page.locator("#titleSv").fill(title);
        page.locator("details form button[type=submit]").click();
        assertThat(page.locator("h1")).hasText(title);
        checkAccessibility();

        // Its questions: the project's tracks, at most two, and the respondent's target group.
        addQuestion("CHOOSE_UP_TO", "TRACK", "Inom vilka områden behöver er arbetsplats mest kompetens?", "2");
        addQuestion("SINGLE_CHOICE", "TARGET_GROUP", "Vilken målgrupp tillhör du?", null);
        assertThat(page.locator("main table").first()).containsText("Projektets tematiska spår");

        // One open link per municipality.
        for (String municipality : ANSWERS.keySet()) {
            page.locator("#add-link select").selectOption(new SelectOption().setLabel(municipality));
            page.locator("#add-link button[type=submit]").click();
            assertThat(page.locator("#open-links")).containsText(municipality);
        }
        assertThat(page.locator("main")).containsText("kan inte garantera att varje person svarar en gång");
        checkAccessibility();
        page.locator("#send-heading").scrollIntoViewIfNeeded();
        page.locator("form[action$='/send'] button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("Enkäten är öppnad");
        Map<String, String> links = new LinkedHashMap<>();
        for (String municipality : ANSWERS.keySet()) {
            Locator row = page.locator("#open-links tbody tr", new Page.LocatorOptions().setHasText(municipality));
            // The link as mailed (the portal's configured address); followed here on the test server.
            links.put(municipality, java.net.URI.create(row.locator("a.open-link").getAttribute("href")).getPath());
        }
        String surveyUrl = page.url();
        page.context().clearCookies();

        // Twenty people answer: the first twelve need track 1, the rest track 2; every fourth also track 3.
        List<String> groups = List.of("A ", "B ", "C ");
        int person = 0;
        for (Map.Entry<String, Integer> e : ANSWERS.entrySet()) {
            for (int i = 0; i < e.getValue(); i++, person++) {
                page.navigate(links.get(e.getKey()));
                if (person == 0) {
                    assertThat(page.locator("#open-link-notice")).isVisible();
                    assertThat(page.locator("main")).containsText("Länken gäller Osby kommun");
                    checkAccessibility();
                    // Sending nothing shows what is missing.
                    page.locator("main form button[type=submit]").click();
                    assertThat(page.locator("#error-summary li")).hasCount(2);
                    checkAccessibility();
                }
                List<Locator> tracks = page.locator("fieldset.question").nth(0).locator("input[type=checkbox]").all();
                tracks.get(person < 12 ? 0 : 1).check();
                if (person % 4 == 0) {
                    tracks.get(2).check();
                }
                String group = person < 10 ? groups.get(0) : person < 16 ? groups.get(1) : groups.get(2);
                page.locator("fieldset.question").nth(1).locator("label", new Locator.LocatorOptions().setHasText(group))
                        .first().click();
                page.locator("main form button[type=submit]").click();
                assertThat(page.locator("h1")).hasText("Tack för dina svar!");
                if (person == 0) {
                    checkAccessibility();
                }
            }
        }
        assertThat(person).isEqualTo(20);

        // The demand view of this mapping.
        loginAs("sekreterare");
        page.navigate(surveyUrl);
        assertThat(page.locator("#responses")).containsText("20");
        page.navigate("/admin/surveys/demand?projectId=" + lfi);
        page.locator("#surveyId").selectOption(new SelectOption().setLabel(title));
        page.locator("main form[method=get] button[type=submit]").click();
        assertThat(page.locator("#respondents")).hasText("20");
        List<String> needs = new ArrayList<>(page.locator("#demand-tracks tbody td.needs").allTextContents());
        assertThat(needs).containsExactly("12", "8", "5", "0");
        assertThat(row("demand-actor", "Osby kommun")).containsText("6");
        assertThat(row("demand-actor", "Kristianstads kommun")).containsText("6");
        assertThat(row("demand-actor", "Hässleholms kommun")).containsText("För få svar");
        assertThat(row("demand-actor", "Hörby kommun")).containsText("För få svar");
        assertThat(row("demand-targetGroup", "C Chefer")).containsText("För få svar");
        checkAccessibility();

        // The mapping's results, narrowed to a municipality with too few answers, say so.
        page.navigate(surveyUrl + "/results");
        assertThat(page.locator("#breakdown-organisation")).containsText("Osby kommun");
        checkAccessibility();
        page.locator("#organisationId").selectOption(new SelectOption().setLabel("Hörby kommun"));
        page.locator("#survey-filter button[type=submit]").click();
        assertThat(page.locator("#suppressed")).isVisible();
        page.navigate(surveyUrl + "/recipients");
        checkAccessibility();
        page.navigate(surveyUrl + "/texts");
        page.locator("button[name=preview]").click();
        assertThat(page.locator("#preview")).containsText("Hej Anna!");
        checkAccessibility();
        page.navigate("/admin/surveys/interest?projectId=" + lfi);
        checkAccessibility();
    }

    private void addQuestion(String kind, String source, String text, String maxChoices) {
        page.locator("details summary", new Page.LocatorOptions().setHasText("Lägg till fråga")).click();
        page.locator("#kind").selectOption(kind);
        page.locator("#optionSource").selectOption(source);
        page.locator("#textSv").fill(text);
        page.locator("#textEn").fill(text + " (en)");
        if (maxChoices != null) {
            page.locator("#maxChoices").fill(maxChoices);
        }
        page.locator("form[action$='/questions'] button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("Frågan är tillagd");
    }

    private Locator row(String table, String label) {
        return page.locator("#" + table + " tbody tr", new Page.LocatorOptions().setHasText(label));
    }
}
