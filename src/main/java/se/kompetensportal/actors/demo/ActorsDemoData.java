package se.kompetensportal.actors.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;

/**
 * Demo plans for further work in IKO: Kalmar kommun's (filed by the demo contact person, with a PDF attached), Västerviks
 * kommun's and Rädda Barnen's; the other actors have none yet, so the staff's list shows both. Loaded once.
 */
@Component
@Order(45)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class ActorsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ActorsDemoData.class);

    private static final Map<String, String> PLANS = Map.of(
            "Kalmar kommun", """
                    Kalmar kommun fortsätter arbetet med interkulturell kompetens efter projektet genom att göra \
                    grundutbildningen till en del av introduktionen för nyanställda inom socialtjänsten och skolan.

                    Det här gör vi under de kommande två åren:
                    - varje förvaltning utser en processledare som har gått fördjupningsutbildningen
                    - två samverkansforum per år med föreningslivet
                    - uppföljning i medarbetarenkäten""",
            "Västerviks kommun", """
                    Västerviks kommun bygger vidare på nätverket av nyckelpersoner från processdagarna. Nätverket \
                    träffas varje kvartal och ansvarar för att sprida metoderna i verksamheterna.""",
            "Rädda Barnen", """
                    Rädda Barnen tar med dialogmetoderna in i läxhjälpen och sommarverksamheten och utbildar nya \
                    volontärer i ett bra bemötande.""");

    private final JdbcTemplate jdbc;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;

    ActorsDemoData(JdbcTemplate jdbc, ProjectsApi projects, AccountsApi accounts, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ProjectInfo iko = projects.projectByFunderReference("2016/00175").orElse(null);
        if (iko == null || Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from actor_plan where project_id = ?)", Boolean.class, iko.id()))) {
            return;
        }
        Long contact = accounts.userByEmail("kontakt@kompetensportal.example").map(UserSummary::id).orElse(null);
        Instant now = clock.instant();
        int days = 40;
        for (OrganisationInfo actor : projects.actors(iko.id())) {
            String text = PLANS.get(actor.name());
            if (text == null) {
                continue;
            }
            boolean kalmar = actor.name().equals("Kalmar kommun");
            Long by = kalmar ? contact : null;
            Timestamp filed = Timestamp.from(now.minus(Duration.ofDays(days)));
            days -= 10;
            byte[] pdf = kalmar ? demoPdf() : null;
            jdbc.update("""
                    insert into actor_plan (project_id, organisation_id, plan_text, filed_at, filed_by, updated_at,
                                            updated_by, document_filename, document_type, document_size,
                                            document_uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    iko.id(), actor.id(), text, filed, by, filed, by, kalmar ? "plan-kalmar-kommun.pdf" : null,
                    kalmar ? "application/pdf" : null, kalmar ? pdf.length : null, kalmar ? filed : null);
            Optional.ofNullable(pdf).ifPresent(content -> jdbc.update(
                    "insert into actor_plan_document (project_id, organisation_id, content) values (?, ?, ?)",
                    iko.id(), actor.id(), content));
        }
        log.info("Demo actor plans loaded for IKO");
    }

    /** A one-page PDF saying what the plan is (enough for a viewer to open). */
    static byte[] demoPdf() {
        String stream = "BT /F1 14 Tf 72 770 Td (Plan for fortsatt arbete - Kalmar kommun) Tj ET";
        String[] objects = {
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
