package se.kompetensportal.privacy.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * What personal data each module holds: per table, the columns, the purpose, the legal basis, how long it is kept and
 * who may see it (texts under {@code privacy.*} in {@code i18n/privacy}). {@code PersonalDataRegistryTest} fails when
 * a table with a column named like personal data (e-mail, name, phone, address, personal identity number, recipient)
 * is neither here nor in {@link #NOT_PERSONAL} with the reason it is not personal data.
 */
@Component
public class PersonalDataRegistry {

    /** Legal bases (GDPR art. 6.1): message key {@code privacy.basis.<NAME>}. */
    public enum Basis { PUBLIC_TASK, CONSENT, LEGAL_OBLIGATION }

    /**
     * @param key       the table's entry in the texts: {@code privacy.data.<key>} (purpose)
     * @param retention message key suffix {@code privacy.retention.<retention>}
     * @param audience  message key suffix {@code privacy.who.<audience>}
     */
    public record Entry(String module, String table, String columns, Basis basis, String retention, String audience) {
        public String key() {
            return table;
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("participants", "person", "email, first_name, last_name, phone, job_title, gender, personal_id_encrypted, employer", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "sign_up", "person_id, special_needs, check_in_code", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "sign_up_answer", "sign_up_id, answer", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "manager_approval", "sign_up_id, manager_email", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "attendance", "person_id, minutes, attended", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "participant_days", "person_id, track_id, target_group_key, days", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "participant_person", "person_id, first_date, last_date, days", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("participants", "personal_id_access", "person_id, user_id, at", Basis.PUBLIC_TASK, "auditLog", "staffProjects"),
            new Entry("participants", "protected_identity_change", "person_id, protected, changed_by, changed_at", Basis.PUBLIC_TASK, "auditLog", "staffProjects"),
            new Entry("participants", "person_merge", "kept_person_id, duplicate_person_id, merged_by, duplicate_snapshot", Basis.PUBLIC_TASK, "mergeUndo", "staffProjects"),
            new Entry("accounts", "app_user", "email, display_name, password_hash, last_login_at", Basis.PUBLIC_TASK, "inactiveAccounts", "admin"),
            new Entry("accounts", "pending_sign_up", "email, display_name", Basis.PUBLIC_TASK, "sensitiveMails", "nobody"),
            new Entry("accounts", "one_time_tokens", "username", Basis.PUBLIC_TASK, "sensitiveMails", "nobody"),
            new Entry("accounts", "spring_session", "principal_name", Basis.PUBLIC_TASK, "session", "nobody"),
            new Entry("accounts", "rate_limit", "bucket_key (e-mail and network address)", Basis.PUBLIC_TASK, "throttling", "nobody"),
            new Entry("notifications", "outbox_message", "recipient, subject, body_text, body_html, headers", Basis.PUBLIC_TASK, "mails", "staffProjects"),
            new Entry("notifications", "outbox_attachment", "filename, content (certificates)", Basis.PUBLIC_TASK, "mails", "staffProjects"),
            new Entry("projects", "organisation_contact", "name, title, email, phone", Basis.PUBLIC_TASK, "contacts", "staff"),
            new Entry("activities", "activity_trainer", "name, gender, user_id", Basis.PUBLIC_TASK, "keepUntil", "public"),
            new Entry("dialogfund", "dialog_application", "contact_name, contact_email, contact_phone, owner_id", Basis.PUBLIC_TASK, "dialogFund", "applicantAndReviewers"),
            new Entry("dialogfund", "dialog_attachment", "filename, content (plans, photos, reports)", Basis.PUBLIC_TASK, "dialogFund", "applicantAndReviewers"),
            new Entry("dialogfund", "dialog_review", "reviewer_id, comments", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("surveys", "evaluation_invitation", "person_id, answered", Basis.PUBLIC_TASK, "keepUntil", "nobody"),
            new Entry("surveys", "evaluation_response_identity", "response_id, invitation_id (identified surveys only)", Basis.PUBLIC_TASK, "keepUntil", "staffProjects"),
            new Entry("surveys", "survey_contact", "name, email, employer_name", Basis.PUBLIC_TASK, "surveyClosed", "nobody"),
            new Entry("surveys", "interest_registration", "name, email", Basis.CONSENT, "interest", "staffProjects"),
            new Entry("timereporting", "time_month", "person_id, minutes, status, answered_by, dispute_comment", Basis.LEGAL_OBLIGATION, "keepUntil", "staffProjects"),
            new Entry("timereporting", "time_link", "token_hash, time_month_id", Basis.PUBLIC_TASK, "linkValid", "nobody"),
            new Entry("timereporting", "time_exit", "person_id, exit_date, reason, recorded_by", Basis.LEGAL_OBLIGATION, "keepUntil", "staffProjects"),
            new Entry("newsletter", "newsletter_subscriber", "email, user_id, consent_at", Basis.CONSENT, "newsletter", "staffProjects"));

    /** Tables with a column named like personal data that hold none, and why (message key privacy.notPersonal.*). */
    static final Map<String, String> NOT_PERSONAL = Map.ofEntries(
            Map.entry("project", "organisation"), Map.entry("track", "things"), Map.entry("target_group", "things"),
            Map.entry("organisation", "organisation"), Map.entry("activity", "things"),
            Map.entry("dialog_fund_criterion", "things"), Map.entry("evaluation_template", "things"),
            Map.entry("knowledge_attachment", "published"), Map.entry("actor_plan_document", "organisation"),
            Map.entry("collaboration_project", "organisation"), Map.entry("collaboration_project_partner", "organisation"),
            Map.entry("indicator", "things"), Map.entry("shedlock", "things"), Map.entry("event_publication", "things"),
            Map.entry("spring_session_attributes", "things"), Map.entry("flyway_schema_history", "things"),
            Map.entry("dialog_final_report", "organisation"), Map.entry("knowledge_item", "published"));

    public List<Entry> entries() {
        return ENTRIES;
    }

    public Map<String, List<Entry>> byModule() {
        return ENTRIES.stream().collect(Collectors.groupingBy(Entry::module, java.util.LinkedHashMap::new,
                Collectors.toList()));
    }

    public Set<String> tables() {
        return ENTRIES.stream().map(Entry::table).collect(Collectors.toSet());
    }

    public static Set<String> notPersonal() {
        return NOT_PERSONAL.keySet();
    }
}
