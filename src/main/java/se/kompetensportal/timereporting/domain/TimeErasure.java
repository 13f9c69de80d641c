package se.kompetensportal.timereporting.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.PersonErased;

/**
 * Erasure reaches time reporting: the erased person's confirmation links stop working and the comment they wrote on a
 * disputed month goes. Minutes, hours and each month's status stay: they are what the funder was told. Idempotent.
 */
@Component
class TimeErasure {

    private final JdbcTemplate jdbc;
    private final LedgerStore store;

    TimeErasure(JdbcTemplate jdbc, LedgerStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @ApplicationModuleListener
    void on(PersonErased event) {
        // The person's projects' writer locks before their months' rows (LedgerStore.lockProjects).
        store.lockProjects(jdbc.queryForList("select distinct project_id from time_month where person_id = ?",
                Long.class, event.personId()));
        jdbc.update("delete from time_link where time_month_id in (select id from time_month where person_id = ?)",
                event.personId());
        jdbc.update("update time_month set dispute_comment = null where person_id = ? and dispute_comment is not null",
                event.personId());
    }
}
