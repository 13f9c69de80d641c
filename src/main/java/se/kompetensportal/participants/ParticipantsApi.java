package se.kompetensportal.participants;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the participants module. Counts are SQL aggregates; the funder counts persons, not
 * seats, and only people who attended at least once are participants.
 */
@Service
@Transactional(readOnly = true)
public class ParticipantsApi {

    private final JdbcTemplate jdbc;

    ParticipantsApi(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The people whose attendance at one or more of the activity's sessions was recorded (erased people excluded). */
    public List<Attendee> attendees(long activityId) {
        return jdbc.query("""
                select distinct p.id, p.email, p.first_name, p.locale from attendance a join person p on p.id = a.person_id
                where a.activity_id = ? and a.attended and p.erased_at is null and p.merged_into is null
                order by p.id""",
                (rs, i) -> new Attendee(rs.getLong(1), rs.getString(2), rs.getString(3), Locale.of(rs.getString(4))),
                activityId);
    }

    /** Unique participants of a project: distinct persons who attended at least one session. */
    public long uniqueParticipants(long projectId) {
        Long n = jdbc.queryForObject("""
                select count(distinct person_id) from attendance where project_id = ? and attended""", Long.class,
                projectId);
        return n == null ? 0 : n;
    }
}
