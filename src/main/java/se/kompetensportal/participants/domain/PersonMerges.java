package se.kompetensportal.participants.domain;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.participants.PersonMergeUndone;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.privacy.RetentionProperties;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of merges in the person register (who, when, which records moved) and their undo, possible for
 * {@code kp.retention.merge-undo}: the duplicate's own data before the merge is kept for that long, encrypted, and
 * then erased by the retention job. Sign-ups dropped because both people held one for the same activity are not
 * restored (the log lists them).
 */
@Service
public class PersonMerges {

    public record Moved(List<Long> signUps, List<Long> droppedSignUps, List<Long> sessions, boolean personalId,
            Long userId) {
    }

    public record MergeRow(long id, long keptPersonId, String keptName, long duplicatePersonId, String mergedBy,
            Instant mergedAt, Instant undoUntil, int signUps, int dropped, int sessions, Instant undoneAt,
            boolean undoable) {

        MergeRow withMergedBy(String name) {
            return new MergeRow(id, keptPersonId, keptName, duplicatePersonId, name, mergedAt, undoUntil, signUps,
                    dropped, sessions, undoneAt, undoable);
        }
    }

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final JsonMapper json;
    private final RetentionProperties retention;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccountsApi accounts;

    PersonMerges(JdbcTemplate jdbc, PersonalDataCipher cipher, JsonMapper json, RetentionProperties retention,
            ApplicationEventPublisher events, Clock clock, AccountsApi accounts) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.retention = retention;
        this.events = events;
        this.clock = clock;
    }

    /** The duplicate's own data as it is before the merge changes it: what an undo restores. */
    static Map<String, Object> snapshot(Person duplicate) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("email", duplicate.getEmail());
        snapshot.put("firstName", duplicate.getFirstName());
        snapshot.put("lastName", duplicate.getLastName());
        snapshot.put("phone", duplicate.getPhone());
        snapshot.put("jobTitle", duplicate.getJobTitle());
        snapshot.put("personalIdEncrypted", duplicate.getPersonalIdEncrypted());
        snapshot.put("personalIdIndex", duplicate.getPersonalIdIndex());
        return snapshot;
    }

    /** Records a merge (in the merge's transaction), with what the undo needs of the duplicate as it was. */
    void record(PortalUser user, Person keep, long duplicateId, Map<String, Object> snapshot, Moved moved) {
        Instant now = clock.instant();
        long by = user.id();
        String sealed = cipher.encrypt(json.writeValueAsString(snapshot));
        jdbc.update(connection -> {
            var s = connection.prepareStatement("""
                    insert into person_merge (id, kept_person_id, duplicate_person_id, merged_by, merged_at, undo_until,
                        moved_sign_ups, dropped_sign_ups, moved_sessions, moved_personal_id, moved_user_id,
                        duplicate_snapshot) values (nextval('person_merge_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            s.setLong(1, keep.getId());
            s.setLong(2, duplicateId);
            s.setLong(3, by);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now.plus(retention.mergeUndo())));
            s.setArray(6, connection.createArrayOf("bigint", moved.signUps().toArray()));
            s.setArray(7, connection.createArrayOf("bigint", moved.droppedSignUps().toArray()));
            s.setArray(8, connection.createArrayOf("bigint", moved.sessions().toArray()));
            s.setBoolean(9, moved.personalId());
            s.setObject(10, moved.userId());
            s.setString(11, sealed);
            return s;
        });
    }

    /** The merges the user may see: all for an administrator, those of people in their projects for a secretary. */
    @Transactional(readOnly = true)
    public List<MergeRow> log(PortalUser user) {
        Instant now = clock.instant();
        Map<Long, Long> mergedBy = new HashMap<>();
        List<MergeRow> rows = jdbc.query("""
                select m.id, m.kept_person_id, k.first_name || ' ' || k.last_name, m.duplicate_person_id,
                       m.merged_by, m.merged_at, m.undo_until, cardinality(m.moved_sign_ups),
                       cardinality(m.dropped_sign_ups), cardinality(m.moved_sessions), m.undone_at,
                       m.duplicate_snapshot is not null,
                       array(select distinct s.project_id from sign_up s
                             where s.person_id = m.kept_person_id or s.id = any(m.moved_sign_ups))
                from person_merge m join person k on k.id = m.kept_person_id
                order by m.merged_at desc, m.id desc limit 200""", (rs, i) -> {
                    List<Long> projects = longs(rs.getArray(13));
                    if (!mayManageAll(user, projects)) {
                        return null;
                    }
                    long by = rs.getLong(5);
                    if (!rs.wasNull()) {
                        mergedBy.put(rs.getLong(1), by);
                    }
                    Instant until = rs.getTimestamp(7).toInstant();
                    Timestamp undone = rs.getTimestamp(11);
                    return new MergeRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), null,
                            rs.getTimestamp(6).toInstant(), until, rs.getInt(8), rs.getInt(9), rs.getInt(10),
                            undone == null ? null : undone.toInstant(),
                            undone == null && rs.getBoolean(12) && now.isBefore(until));
                }).stream().filter(java.util.Objects::nonNull).toList();
        Map<Long, String> names = new HashMap<>();
        for (UserSummary u : accounts.users(new HashSet<>(mergedBy.values()))) {
            if (u.displayName() != null) {
                names.put(u.id(), u.displayName());
            }
        }
        return rows.stream().map(r -> r.withMergedBy(names.getOrDefault(mergedBy.get(r.id()), "–"))).toList();
    }

    /** Undoes a merge within its undo period; a secretary only where every record involved is in their projects. */
    @Transactional
    public void undo(PortalUser user, long mergeId) {
        MergeRow row = log(user).stream().filter(r -> r.id() == mergeId).findFirst()
                .orElseThrow(() -> new NotFoundException("PersonMerge", mergeId));
        if (!row.undoable()) {
            throw new BusinessRuleException("merge.undo.expired");
        }
        Map<String, Object> m = jdbc.queryForMap("select * from person_merge where id = ? for update", mergeId);
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = json.readValue(cipher.decrypt((String) m.get("duplicate_snapshot")), Map.class);
        long keep = row.keptPersonId();
        long dup = row.duplicatePersonId();
        if (Boolean.TRUE.equals(m.get("moved_personal_id"))) {
            jdbc.update("update person set personal_id_encrypted = null, personal_id_index = null where id = ?", keep);
        }
        Long account = (Long) m.get("moved_user_id");
        if (account != null) {
            jdbc.update("update person set user_id = null where id = ? and user_id = ?", keep, account);
        }
        try {
            jdbc.update("""
                    update person set email = ?, first_name = ?, last_name = ?, phone = ?, job_title = ?,
                        personal_id_encrypted = ?, personal_id_index = ?, user_id = ?, merged_into = null, erased_at = null,
                        updated_at = ?, version = version + 1 where id = ?""", snapshot.get("email"),
                    snapshot.get("firstName"), snapshot.get("lastName"), snapshot.get("phone"), snapshot.get("jobTitle"),
                    snapshot.get("personalIdEncrypted"), snapshot.get("personalIdIndex"), account,
                    Timestamp.from(clock.instant()), dup);
        } catch (DataIntegrityViolationException taken) {
            throw new BusinessRuleException("merge.undo.taken");
        }
        jdbc.update("update sign_up set person_id = ? where person_id = ? and id = any(?)", dup, keep,
                m.get("moved_sign_ups"));
        jdbc.update("update attendance set person_id = ? where person_id = ? and session_id = any(?)", dup, keep,
                m.get("moved_sessions"));
        jdbc.update("update person_merge set undone_at = ?, undone_by = ?, duplicate_snapshot = null where id = ?",
                Timestamp.from(clock.instant()), user.id(), mergeId);
        events.publishEvent(new PersonMergeUndone(keep, dup));
    }

    static boolean mayManageAll(PortalUser user, java.util.Collection<Long> projects) {
        return user.isAdmin() || projects.stream().allMatch(user::canManageProject);
    }

    private static List<Long> longs(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : java.util.Arrays.stream((Long[]) array.getArray()).toList();
    }
}
