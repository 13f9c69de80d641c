package se.kompetensportal.participants.domain;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.shared.privacy.RetentionContext;
import se.kompetensportal.shared.privacy.RetentionProperties;
import se.kompetensportal.shared.privacy.RetentionRule;

/**
 * The person register's retention: people all of whose sign-ups belong to projects past their keep-until date are
 * erased (pseudonymised, {@link PersonRegisterService#eraseUnchecked}, which tells the other modules); the
 * personal-identity-number view log goes after {@code kp.retention.audit-log} or with the erased person's projects;
 * what a merge kept for its undo goes when the undo period ends.
 */
@Component
class PersonRetention implements RetentionRule {

    private final NamedParameterJdbcTemplate sql;
    private final PersonRepository people;
    private final PersonRegisterService register;
    private final RetentionProperties properties;

    PersonRetention(NamedParameterJdbcTemplate sql, PersonRepository people, PersonRegisterService register,
            RetentionProperties properties) {
        this.sql = sql;
        this.people = people;
        this.register = register;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "person-register";
    }

    @Override
    public int runBatch(RetentionContext context) {
        MapSqlParameterSource params = new MapSqlParameterSource("expired", context.expiredProjectsForSql())
                .addValue("limit", Math.min(50, properties.batchSize()))
                .addValue("log", Timestamp.from(context.now().minus(properties.auditLog())))
                .addValue("now", Timestamp.from(context.now()));
        List<Long> ids = sql.queryForList("""
                select p.id from person p where p.erased_at is null and p.merged_into is null
                  and exists (select 1 from sign_up s where s.person_id = p.id)
                  and not exists (select 1 from sign_up s where s.person_id = p.id and s.project_id not in (:expired))
                order by p.id limit :limit""", params, Long.class);
        int done = 0;
        for (Long id : ids) {
            Person p = people.findById(id).filter(Person::isActive).orElse(null);
            if (p != null) {
                register.eraseUnchecked(p);
                done++;
            }
        }
        done += sql.update("""
                delete from personal_id_access l where l.at < :log
                   or exists (select 1 from person p where p.id = l.person_id and p.erased_at is not null
                              and not exists (select 1 from sign_up s where s.person_id = p.id
                                              and s.project_id not in (:expired)))""", params);
        done += sql.update("""
                update person_merge set duplicate_snapshot = null
                where duplicate_snapshot is not null and undo_until < :now""", params);
        return done;
    }
}
