package se.kompetensportal.actors;

import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask of the actors module. */
@Service
@Transactional(readOnly = true)
public class ActorsApi {

    private final JdbcTemplate jdbc;

    ActorsApi(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The organisations that have filed a plan for further work in the project (Delmål 3: every actor has a plan). */
    public Set<Long> organisationsWithPlan(long projectId) {
        return new HashSet<>(jdbc.queryForList("""
                select organisation_id from actor_plan where project_id = ? and filed_at is not null""", Long.class,
                projectId));
    }
}
