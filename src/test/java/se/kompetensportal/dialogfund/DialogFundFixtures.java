package se.kompetensportal.dialogfund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Test data of the dialog fund's own: a project and a fund with an open period that no other test touches, and the
 * fields of a complete application form.
 */
final class DialogFundFixtures {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final JdbcTemplate jdbc;

    DialogFundFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A project of its own, so the test's funds and secretaries touch nothing else. */
    long project() {
        long id = jdbc.queryForObject("select nextval('project_seq')", Long.class);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        jdbc.update("""
                insert into project (id, name, short_name, owner_organisation, start_date, end_date)
                values (?, ?, ?, 'Testförbundet i Kalmar län', date '2020-01-01', date '2035-12-31')""",
                id, "Testprojekt " + tag, "T" + tag);
        return id;
    }

    /** A fund of the current year with one period open from a week ago to a month ahead, and two criteria. */
    long openFund(long projectId, String total, String max) {
        long fundId = fund(projectId, today().getYear(), total, max);
        period(fundId, today().minusDays(7), today().plusDays(30));
        criterion(fundId, 1, "Möten mellan grupper");
        criterion(fundId, 2, "Rimlig budget");
        return fundId;
    }

    long fund(long projectId, int year, String total, String max) {
        long id = jdbc.queryForObject("select nextval('dialog_fund_seq')", Long.class);
        jdbc.update("""
                insert into dialog_fund (id, project_id, year, total_amount, remaining_amount, max_per_application,
                                         report_due_days)
                values (?, ?, ?, ?, ?, ?, 30)""",
                id, projectId, year, new BigDecimal(total), new BigDecimal(total), new BigDecimal(max));
        return id;
    }

    long period(long fundId, LocalDate opens, LocalDate closes) {
        long id = jdbc.queryForObject("select nextval('dialog_fund_period_seq')", Long.class);
        jdbc.update("insert into dialog_fund_period (id, fund_id, opens_on, closes_on) values (?, ?, ?, ?)",
                id, fundId, opens, closes);
        return id;
    }

    long criterion(long fundId, int position, String name) {
        long id = jdbc.queryForObject("select nextval('dialog_fund_criterion_seq')", Long.class);
        jdbc.update("insert into dialog_fund_criterion (id, fund_id, position, name) values (?, ?, ?, ?)",
                id, fundId, position, name);
        return id;
    }

    void reviewer(long fundId, String email) {
        jdbc.update("insert into dialog_fund_reviewer (fund_id, user_id) values (?, ?)", fundId, userId(email));
    }

    long userId(String email) {
        return jdbc.queryForObject("select id from app_user where email = ?", Long.class, email);
    }

    String status(long applicationId) {
        return jdbc.queryForObject("select status from dialog_application where id = ?", String.class, applicationId);
    }

    BigDecimal remaining(long fundId) {
        return jdbc.queryForObject("select remaining_amount from dialog_fund where id = ?", BigDecimal.class, fundId);
    }

    long version(long applicationId) {
        return jdbc.queryForObject("select version from dialog_application where id = ?", Long.class, applicationId);
    }

    int mails(String recipient, String category) {
        return jdbc.queryForObject("select count(*) from outbox_message where recipient = ? and category = ?",
                Integer.class, recipient, category);
    }

    /** The fields of a complete application, as the form posts them. */
    static Map<String, String> completeForm(String title, String amount) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("organisationName", "Föreningen Mötesplatsen");
        f.put("organisationNumber", "802479-2213");
        f.put("organisationKind", "ASSOCIATION");
        f.put("municipality", "Kalmar");
        f.put("contactName", "Maja Möte");
        f.put("contactEmail", "maja@motesplatsen.example");
        f.put("contactPhone", "0480-111 22");
        f.put("title", title);
        f.put("description", "Samtalskvällar där nyanlända och personer som bott här länge lagar mat tillsammans.");
        f.put("targetGroups", "Nyanlända familjer och föreningens medlemmar.");
        f.put("plannedStart", today().plusDays(20).toString());
        f.put("plannedEnd", today().plusDays(40).toString());
        f.put("place", "Föreningshuset, Kalmar");
        f.put("expectedWomen", "12");
        f.put("expectedMen", "10");
        f.put("expectedNewcomers", "11");
        f.put("expectedLongTimeResidents", "11");
        f.put("partners", "Biblioteket");
        f.put("budgetLines[0].description", "Lokalhyra");
        f.put("budgetLines[0].amount", "6000");
        f.put("budgetLines[1].description", "Mat och fika");
        f.put("budgetLines[1].amount", "9000");
        f.put("budgetLines[2].description", "Samtalsledare");
        f.put("budgetLines[2].amount", "10000");
        f.put("amountRequested", amount);
        return f;
    }

    static MockHttpServletRequestBuilder with(MockHttpServletRequestBuilder builder, Map<String, String> fields) {
        fields.forEach(builder::param);
        return builder;
    }
}
