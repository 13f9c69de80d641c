package se.kompetensportal.participants;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who employs a person, for modules that break figures down by organisation (course evaluations copy it onto an
 * invitation, so that the anonymous answer can be counted per organisation without naming the person).
 */
@Service
@Transactional(readOnly = true)
public class ParticipantEmployers {

    private final NamedParameterJdbcTemplate jdbc;

    ParticipantEmployers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisation (actor) that employs the person, if their employer is a registered organisation. */
    public Optional<Long> employerOf(long personId) {
        return Optional.ofNullable(employersOf(List.of(personId)).get(personId));
    }

    /** The employing organisation of each of the people that has one (people without are left out). */
    public Map<Long, Long> employersOf(Collection<Long> personIds) {
        Map<Long, Long> employers = new HashMap<>();
        if (personIds.isEmpty()) {
            return employers;
        }
        // One array parameter, not "in (:ids)": a project's co-financing asks for tens of thousands of people, and a
        // parameter each made the statement slow to send and plan (and fails beyond 65 535 parameters).
        jdbc.getJdbcOperations().query(
                "select id, employer_organisation_id from person where id = any(?) and employer_organisation_id is not null",
                rs -> {
                    employers.put(rs.getLong(1), rs.getLong(2));
                }, (Object) personIds.toArray(Long[]::new));
        return employers;
    }

    /**
     * The employing organisation of each person with attendance in the project that has one: one query for a whole
     * project (the time ledger's rebuild asks it once instead of once a person).
     */
    public Map<Long, Long> employersInProject(long projectId) {
        Map<Long, Long> employers = new HashMap<>();
        jdbc.getJdbcOperations().query("""
                select p.id, p.employer_organisation_id from person p
                where p.employer_organisation_id is not null
                  and p.id in (select distinct a.person_id from attendance a where a.project_id = ?)""",
                rs -> {
                    employers.put(rs.getLong(1), rs.getLong(2));
                }, projectId);
        return employers;
    }
}
