package se.kompetensportal.timereporting.domain;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Explicit exits: the secretary records the date a participant left the project and why (completed, left, new job,
 * other). The SCB file takes the exit as the end date ({@link ParticipationSpells}); without one, the rule for people
 * who simply stop coming applies. Only the project's managers, acting as the user the controller passes; each exit
 * says who recorded it and when.
 */
@Service
public class ParticipantExits {

    /** A recorded exit, with the participant's name (empty once erased). */
    public record Exit(long id, long personId, String name, LocalDate date, ExitReason reason, Long recordedBy,
            Instant recordedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ParticipantContacts people;
    private final Clock clock;

    ParticipantExits(JdbcTemplate jdbc, ParticipantContacts people, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.clock = clock;
    }

    /** The project's exits, latest first. */
    @Transactional(readOnly = true)
    public List<Exit> list(long projectId, PortalUser user) {
        requireManage(user, projectId);
        return named(jdbc.query("""
                select id, person_id, exit_date, reason, recorded_by, recorded_at from time_exit
                where project_id = ? order by exit_date desc, id desc""", (rs, i) -> new Exit(rs.getLong(1),
                rs.getLong(2), null, rs.getDate(3).toLocalDate(), ExitReason.valueOf(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getTimestamp(6).toInstant()), projectId));
    }

    /** The person's exits from the project, earliest first. */
    @Transactional(readOnly = true)
    public List<Exit> ofPerson(long projectId, long personId, PortalUser user) {
        return list(projectId, user).stream().filter(e -> e.personId() == personId)
                .sorted(Comparator.comparing(Exit::date)).toList();
    }

    /**
     * Records that the person left the project on the date. The person must have time in the project; the date may
     * not lie in the future nor before their first attendance; one exit per person and date.
     */
    @Transactional
    public void record(long projectId, long personId, LocalDate date, ExitReason reason, PortalUser user) {
        requireManage(user, projectId);
        Date first = jdbc.queryForObject("""
                select min(l.session_date) from time_month m join time_line l on l.time_month_id = m.id
                where m.project_id = ? and m.person_id = ?""", Date.class, projectId, personId);
        if (first == null) {
            throw new NotFoundException("Participant", personId);
        }
        if (date.isAfter(LocalDate.now(clock.withZone(Formats.ZONE)))) {
            throw new FieldRejectedException("exitDate", "time.exit.future");
        }
        if (date.isBefore(first.toLocalDate())) {
            throw new FieldRejectedException("exitDate", "time.exit.beforeStart", first.toLocalDate().toString());
        }
        int added = jdbc.update("""
                insert into time_exit (id, project_id, person_id, exit_date, reason, recorded_by)
                values (nextval('time_exit_seq'), ?, ?, ?, ?, ?) on conflict (project_id, person_id, exit_date) do nothing""",
                projectId, personId, Date.valueOf(date), reason.name(), user.id());
        if (added == 0) {
            throw new FieldRejectedException("exitDate", "time.exit.duplicate");
        }
    }

    /** Removes an exit recorded by mistake. */
    @Transactional
    public void remove(long projectId, long exitId, PortalUser user) {
        requireManage(user, projectId);
        if (jdbc.update("delete from time_exit where id = ? and project_id = ?", exitId, projectId) == 0) {
            throw new NotFoundException("TimeExit", exitId);
        }
    }

    /** Every exit date of the project per person, earliest first (for the SCB file; unscoped). */
    Map<Long, List<LocalDate>> datesByPerson(long projectId) {
        Map<Long, List<LocalDate>> dates = new HashMap<>();
        jdbc.query("select person_id, exit_date from time_exit where project_id = ? order by person_id, exit_date",
                rs -> {
                    dates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getDate(2).toLocalDate());
                }, projectId);
        return dates;
    }

    private List<Exit> named(List<Exit> exits) {
        Map<Long, ParticipantContacts.PersonContact> contacts = people.contacts(
                exits.stream().map(Exit::personId).distinct().toList());
        return exits.stream().map(e -> {
            ParticipantContacts.PersonContact c = contacts.get(e.personId());
            String name = c == null || c.erased() ? "" : c.name();
            return new Exit(e.id(), e.personId(), name, e.date(), e.reason(), e.recordedBy(), e.recordedAt());
        }).toList();
    }

    static void requireManage(PortalUser user, long projectId) {
        if (user == null || !user.canManageProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not managed by this user");
        }
    }
}
