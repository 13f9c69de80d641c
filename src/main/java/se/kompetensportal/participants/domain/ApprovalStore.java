package se.kompetensportal.participants.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The manager approvals of sign-ups (table {@code manager_approval}): one per sign-up, answered once by its single-use
 * link. Only the participants module's services use it, under the activity's seat lock where seats are concerned.
 */
@Component
class ApprovalStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final RowMapper<Approval> ROW = (rs, i) -> new Approval(rs.getLong("id"), rs.getLong("sign_up_id"),
            rs.getLong("activity_id"), rs.getString("manager_email"), rs.getString("token"), rs.getString("status"),
            rs.getTimestamp("expires_at").toInstant());

    record Approval(long id, long signUpId, long activityId, String managerEmail, String token, String status,
            Instant expiresAt) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    private final JdbcTemplate jdbc;

    ApprovalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Asks (again, after a cancelled sign-up is made anew) for the sign-up's approval; returns the new token. */
    Approval request(long signUpId, long activityId, String managerEmail, Instant now, Instant expires) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("delete from manager_approval where sign_up_id = ?", signUpId);
        jdbc.update("""
                insert into manager_approval (sign_up_id, activity_id, manager_email, token, status, requested_at,
                    expires_at) values (?, ?, ?, ?, 'OPEN', ?, ?)""", signUpId, activityId, managerEmail, token,
                Timestamp.from(now), Timestamp.from(expires));
        return byToken(token).orElseThrow();
    }

    Optional<Approval> byToken(String token) {
        return jdbc.query("select * from manager_approval where token = ?", ROW, token).stream().findFirst();
    }

    Optional<Approval> byId(long id) {
        return jdbc.query("select * from manager_approval where id = ?", ROW, id).stream().findFirst();
    }

    boolean openFor(long signUpId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from manager_approval where sign_up_id = ? and status = 'OPEN')",
                Boolean.class, signUpId));
    }

    /** Closes the sign-up's open approval, if any, with the given status; returns whether one was open. */
    boolean close(long signUpId, String status, Instant at) {
        return jdbc.update("""
                update manager_approval set status = ?, answered_at = ? where sign_up_id = ? and status = 'OPEN'""",
                status, Timestamp.from(at), signUpId) > 0;
    }

    void closeAll(long activityId, Instant at) {
        jdbc.update("""
                update manager_approval set status = 'WITHDRAWN', answered_at = ?
                where activity_id = ? and status = 'OPEN'""", Timestamp.from(at), activityId);
    }

    /** Open approvals whose time has run out. */
    List<Long> due(Instant now) {
        return jdbc.queryForList("select id from manager_approval where status = 'OPEN' and expires_at <= ? order by id",
                Long.class, Timestamp.from(now));
    }

    /** The approvals of a person's sign-ups go with the person's erasure (the manager's address with them). */
    void erase(long personId) {
        jdbc.update("delete from manager_approval where sign_up_id in (select id from sign_up where person_id = ?)",
                personId);
    }

    /** Days a sign-up's seat is held for approval, or {@code null} when the activity asks for none. */
    Integer approvalDays(long activityId) {
        return jdbc.query("select approval_days from sign_up_settings where activity_id = ?",
                (rs, i) -> (Integer) rs.getObject(1), activityId).stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }
}
