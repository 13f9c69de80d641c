package se.kompetensportal.timereporting.domain;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.PersonMergeUndone;
import se.kompetensportal.participants.PersonMerged;

/**
 * A merge of two person records moves the duplicate's explicit exits to the person kept (in the merge's transaction,
 * like the ledger), remembering where each came from so that an undo moves them back. An exit the kept person already
 * has on the same date stays with the duplicate: it says nothing new.
 */
@Component
class ExitMerges {

    private final JdbcTemplate jdbc;

    ExitMerges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonMerged event) {
        jdbc.update("""
                update time_exit e set person_id = ?, merged_from_person_id = e.person_id
                where e.person_id = ? and not exists (select 1 from time_exit k where k.project_id = e.project_id
                      and k.person_id = ? and k.exit_date = e.exit_date)""",
                event.keptPersonId(), event.duplicatePersonId(), event.keptPersonId());
    }

    @EventListener
    void on(PersonMergeUndone event) {
        jdbc.update("""
                update time_exit set person_id = merged_from_person_id, merged_from_person_id = null
                where person_id = ? and merged_from_person_id = ?""", event.keptPersonId(), event.restoredPersonId());
    }
}
