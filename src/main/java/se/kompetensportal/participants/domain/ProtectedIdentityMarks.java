package se.kompetensportal.participants.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The secretary marks a person as having a protected identity (skyddad identitet), or takes the mark away. Every
 * change is logged with who and when ({@code protected_identity_change}). While marked, the SCB file writes the date
 * of birth and SCB's code instead of the number and leaves the name out, and so do the time certificates
 * ({@code timereporting.domain.IdentityCodes}). Scoped like the person register: an administrator, or a secretary of
 * a project the person signed up for; anyone else gets 404.
 */
@Service
public class ProtectedIdentityMarks {

    /** The person's mark and its history, latest first. */
    public record Status(long personId, String name, boolean protectedIdentity, boolean hasPersonalId,
            List<Change> changes) {
    }

    /** One change: marked ({@code protectedIdentity}) or unmarked, by whom (null: account removed) and when. */
    public record Change(boolean protectedIdentity, String by, Instant at) {
    }

    private final NamedParameterJdbcTemplate sql;
    private final AccountsApi accounts;

    ProtectedIdentityMarks(NamedParameterJdbcTemplate sql, AccountsApi accounts) {
        this.sql = sql;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Status status(long personId, PortalUser user) {
        MapSqlParameterSource params = visible(personId, user);
        return sql.query("""
                select first_name || ' ' || last_name, protected_identity, personal_id_encrypted is not null
                from person where id = :person""", params, (rs, i) -> new Status(personId, rs.getString(1),
                rs.getBoolean(2), rs.getBoolean(3), changes(params))).getFirst();
    }

    /** Sets the mark; a change to the state it already has is not logged again. Returns whether it changed. */
    @Transactional
    public boolean mark(long personId, boolean protectedIdentity, PortalUser user) {
        MapSqlParameterSource params = visible(personId, user).addValue("protected", protectedIdentity)
                .addValue("user", user.id());
        if (sql.update("update person set protected_identity = :protected where id = :person "
                + "and protected_identity <> :protected", params) == 0) {
            return false;
        }
        sql.update("""
                insert into protected_identity_change (id, person_id, protected, changed_by)
                values (nextval('protected_identity_change_seq'), :person, :protected, :user)""", params);
        return true;
    }

    private List<Change> changes(MapSqlParameterSource params) {
        record Row(boolean protectedIdentity, Long by, Instant at) {
        }
        List<Row> rows = sql.query("""
                select protected, changed_by, changed_at from protected_identity_change where person_id = :person
                order by changed_at desc, id desc""", params, (rs, i) -> new Row(rs.getBoolean(1),
                rs.getObject(2, Long.class), rs.getTimestamp(3).toInstant()));
        Map<Long, String> names = new HashMap<>();
        accounts.users(rows.stream().map(Row::by).filter(Objects::nonNull).distinct().toList())
                .forEach(u -> names.put(u.id(), u.displayName()));
        return rows.stream().map(r -> new Change(r.protectedIdentity(), r.by() == null ? null : names.get(r.by()),
                r.at())).toList();
    }

    /** 404 unless the person is active and the user an administrator or a secretary of one of their projects. */
    private MapSqlParameterSource visible(long personId, PortalUser user) {
        Set<Long> managed = user.projectIds().stream().filter(user::canManageProject).collect(Collectors.toSet());
        Set<Long> projects = managed.isEmpty() ? Set.of(-1L) : managed;
        MapSqlParameterSource params = new MapSqlParameterSource("person", personId).addValue("all", user.isAdmin())
                .addValue("projects", projects);
        Boolean visible = sql.queryForObject("""
                select exists (select 1 from person p where p.id = :person and p.erased_at is null
                               and p.merged_into is null
                               and (:all or exists (select 1 from sign_up s where s.person_id = p.id
                                                    and s.project_id in (:projects))))""", params, Boolean.class);
        if (!Boolean.TRUE.equals(visible)) {
            throw new NotFoundException("Person", personId);
        }
        return params;
    }
}
