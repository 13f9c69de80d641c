package se.kompetensportal.notifications.domain;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.privacy.DataSubject;
import se.kompetensportal.shared.privacy.PersonalDataExport;

/**
 * The mails the outbox holds for the person's addresses. The body of a mail with a link that works without login
 * (login, evaluation, confirmation) is left out: the link must not travel on in a file.
 */
@Component
class MailExport implements PersonalDataExport {

    private final NamedParameterJdbcTemplate sql;

    MailExport(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @Override
    public String section() {
        return "mails";
    }

    @Override
    public Object export(DataSubject subject) {
        if (subject.emails().isEmpty()) {
            return List.of();
        }
        return sql.queryForList("""
                select recipient as "to", subject, category, status,
                       to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as queued,
                       to_char(sent_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as sent,
                       case when sensitive then null else body_text end as "bodyText"
                from outbox_message where""" + " " + AddressHash.sql("recipient") + " in (:hashes) order by id",
                Map.of("hashes", subject.addressHashes()));
    }
}
