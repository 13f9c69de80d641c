package se.kompetensportal.notifications.domain;

import java.sql.Timestamp;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.RetentionContext;
import se.kompetensportal.shared.privacy.RetentionProperties;
import se.kompetensportal.shared.privacy.RetentionRule;

/**
 * Mails leave the outbox once they are done with: those holding a link that works without login after
 * {@code kp.retention.sensitive-mails}, the rest after {@code kp.retention.sent-mails}, and any mail of a project past
 * its keep-until date. Mails still waiting to be sent are never deleted.
 */
@Component
class OutboxRetention implements RetentionRule {

    private final NamedParameterJdbcTemplate sql;
    private final RetentionProperties properties;

    OutboxRetention(NamedParameterJdbcTemplate sql, RetentionProperties properties) {
        this.sql = sql;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public int runBatch(RetentionContext context) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("sensitive", Timestamp.from(context.now().minus(properties.sensitiveMails())))
                .addValue("other", Timestamp.from(context.now().minus(properties.sentMails())))
                .addValue("expired", context.expiredProjectsForSql()).addValue("limit", properties.batchSize());
        return sql.update("""
                delete from outbox_message where id in (
                    select id from outbox_message
                    where status <> 'PENDING'
                      and (coalesce(sent_at, created_at) < case when sensitive then cast(:sensitive as timestamptz) else cast(:other as timestamptz) end
                           or project_id in (:expired))
                    limit :limit)""", params);
    }
}
