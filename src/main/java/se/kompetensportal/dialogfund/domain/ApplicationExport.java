package se.kompetensportal.dialogfund.domain;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.DataSubject;
import se.kompetensportal.shared.privacy.PersonalDataExport;

/** The dialog-fund applications the person's account owns, drafts included, with the names of their attachments. */
@Component
class ApplicationExport implements PersonalDataExport {

    private final NamedParameterJdbcTemplate sql;

    ApplicationExport(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @Override
    public String section() {
        return "dialogFundApplications";
    }

    @Override
    public Object export(DataSubject subject) {
        if (subject.userId() == null) {
            return List.of();
        }
        return sql.queryForList("""
                select a.reference, a.status, a.title, a.organisation_name as "organisation",
                       a.organisation_number as "organisationNumber", a.contact_name as "contactName",
                       a.contact_email as "contactEmail", a.contact_phone as "contactPhone",
                       a.amount_requested as "amountRequested", a.granted_amount as "amountGranted",
                       to_char(a.submitted_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as submitted,
                       to_char(a.decided_on, 'YYYY-MM-DD') as decided,
                       (select string_agg(t.filename, ', ' order by t.id) from dialog_attachment t
                        where t.application_id = a.id) as attachments
                from dialog_application a where a.owner_id = :owner order by a.created_at""",
                Map.of("owner", subject.userId()));
    }
}
