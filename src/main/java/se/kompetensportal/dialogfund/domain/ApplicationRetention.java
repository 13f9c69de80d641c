package se.kompetensportal.dialogfund.domain;

import java.sql.Timestamp;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.RetentionContext;
import se.kompetensportal.shared.privacy.RetentionProperties;
import se.kompetensportal.shared.privacy.RetentionRule;

/**
 * The dialog fund's retention. Drafts never submitted and untouched for {@code kp.retention.dialog-fund-drafts} are
 * deleted. Once the fund's project is past its keep-until date, its applications lose their attachments (plans,
 * photos, reports) and their contact person; the application itself (organisation, activity, amounts, decision)
 * stays, anonymous, so the fund's figures are unchanged.
 */
@Component
class ApplicationRetention implements RetentionRule {

    private final NamedParameterJdbcTemplate sql;
    private final RetentionProperties properties;

    ApplicationRetention(NamedParameterJdbcTemplate sql, RetentionProperties properties) {
        this.sql = sql;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "dialog-fund";
    }

    @Override
    public int runBatch(RetentionContext context) {
        MapSqlParameterSource params = new MapSqlParameterSource("expired", context.expiredProjectsForSql())
                .addValue("drafts", Timestamp.from(context.now().minus(properties.dialogFundDrafts())))
                .addValue("limit", properties.batchSize()).addValue("pseudonym", ApplicantErasure.PSEUDONYM);
        int done = sql.update("""
                delete from dialog_application where id in (select id from dialog_application
                    where status = 'DRAFT' and updated_at < :drafts limit :limit)""", params);
        String ofExpired = "select a.id from dialog_application a join dialog_fund f on f.id = a.fund_id "
                + "where f.project_id in (:expired)";
        done += sql.update("delete from dialog_attachment where id in (select id from dialog_attachment "
                + "where application_id in (" + ofExpired + ") limit :limit)", params);
        done += sql.update("""
                update dialog_application set contact_name = :pseudonym, contact_email = null, contact_phone = null
                where id in (""" + ofExpired + """
                ) and (contact_email is not null or contact_phone is not null or contact_name is distinct from :pseudonym)""",
                params);
        return done;
    }
}
