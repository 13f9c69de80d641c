package se.kompetensportal.surveys.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Registrations of interest. A registration is claimed once, by a conditional update under its row lock, when a
 * matching activity is published: its name and address are erased in the same statement that returns them for the
 * one mail. Registrations that never match are erased after {@code kp.surveys.interest-keep}.
 */
@Repository
class InterestStore {

    /** A waiting registration: what it is for. */
    record Pending(long id, Long trackId, Long targetGroupId, Long activityId) {
    }

    record Claimed(long id, String name, String email, Locale locale) {
    }

    /** A registration as the project's staff see it; name and address are {@code null} once erased. */
    record Row(long id, String name, String email, Long trackId, Long targetGroupId, Long activityId,
            Long organisationId, LocalDate registeredOn, LocalDate notifiedOn, boolean erased) {
    }

    private final JdbcTemplate jdbc;
    private final Period keep;

    InterestStore(JdbcTemplate jdbc, @Value("${kp.surveys.interest-keep:P2Y}") Period keep) {
        this.jdbc = jdbc;
        this.keep = keep;
    }

    /** Adds a registration unless the same address waits for the same thing; {@code true} when added. */
    boolean insert(long projectId, Long trackId, Long targetGroupId, Long activityId, Long organisationId, String name,
            String email, String language, LocalDate today) {
        long id = jdbc.queryForObject("select nextval('interest_seq')", Long.class);
        return jdbc.update("""
                insert into interest_registration (id, project_id, track_id, target_group_id, activity_id, organisation_id,
                    name, email, locale, registered_on)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id, projectId, trackId, targetGroupId, activityId, organisationId, name, email, language, today) == 1;
    }

    List<Pending> pending(long projectId) {
        return jdbc.query("""
                select id, track_id, target_group_id, activity_id from interest_registration
                where project_id = ? and notified_on is null and not erased order by id""",
                (rs, i) -> new Pending(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                        (Long) rs.getObject(4)), projectId);
    }

    /** Marks the registration notified of the activity and erases its contact data; empty if someone else did. */
    Optional<Claimed> claim(long id, LocalDate today, long activityId) {
        return jdbc.query("""
                with old as (select id, name, email, locale from interest_registration
                             where id = ? and notified_on is null and not erased for update)
                update interest_registration r set notified_on = ?, notified_activity_id = ?, name = null, email = null,
                    erased = true
                from old where r.id = old.id returning old.id, old.name, old.email, old.locale""",
                (rs, i) -> new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), Locale.of(rs.getString(4))),
                id, today, activityId).stream().findFirst();
    }

    List<Row> ofProject(long projectId) {
        return jdbc.query("""
                select id, name, email, track_id, target_group_id, activity_id, organisation_id, registered_on, notified_on,
                       erased
                from interest_registration where project_id = ? order by registered_on desc, id desc""",
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), (Long) rs.getObject(7),
                        rs.getDate(8).toLocalDate(), rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(),
                        rs.getBoolean(10)), projectId);
    }

    /** Registrations of the project made in the period (either end may be {@code null}), for the demand view. */
    List<Row> inPeriod(long projectId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select id, null, null, track_id, target_group_id, activity_id, organisation_id, registered_on, notified_on,
                       erased
                from interest_registration where project_id = ?
                  and (cast(? as date) is null or registered_on >= ?) and (cast(? as date) is null or registered_on <= ?)""",
                (rs, i) -> new Row(rs.getLong(1), null, null, (Long) rs.getObject(4), (Long) rs.getObject(5),
                        (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getDate(8).toLocalDate(),
                        rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), rs.getBoolean(10)),
                projectId, from, from, to, to);
    }

    boolean delete(long projectId, long id) {
        return jdbc.update("delete from interest_registration where id = ? and project_id = ?", id, projectId) == 1;
    }

    /** Erases the contact data of registrations that waited longer than the keeping period. */
    int eraseExpired(LocalDate today) {
        return jdbc.update("""
                update interest_registration set name = null, email = null, erased = true
                where not erased and notified_on is null and registered_on < ?""", today.minus(keep));
    }
}
