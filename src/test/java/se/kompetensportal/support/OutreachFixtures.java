package se.kompetensportal.support;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data for the public pages, the knowledge bank and the newsletter: a project of its own (so that a test never
 * meets another test's drafts or subscribers), with two tracks, written straight into the tables.
 */
public class OutreachFixtures {

    /** A project made for one test: its id, address and tracks (positions 1 and 2). */
    public record TestProject(long id, String slug, String shortName, List<Long> trackIds) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public OutreachFixtures(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public TestProject project(String euFunding) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        return transactions.execute(tx -> {
            Long id = jdbc.queryForObject("select nextval('project_seq')", Long.class);
            LocalDate start = LocalDate.now().minusYears(1);
            jdbc.update("""
                    insert into project (id, name, short_name, owner_organisation, start_date, end_date, description,
                                         slug, eu_funding)
                    values (?, ?, ?, 'Testägaren', ?, ?, 'Ett projekt för att pröva de publika sidorna.', ?, ?)""",
                    id, "Spridningsprojekt " + tag, "SP" + tag, start, start.plusYears(3), "sp-" + tag, euFunding);
            Long t1 = jdbc.queryForObject("select nextval('track_seq')", Long.class);
            Long t2 = jdbc.queryForObject("select nextval('track_seq')", Long.class);
            jdbc.update("insert into track (id, project_id, position, name, description) values (?, ?, 1, ?, ?)",
                    t1, id, "Bemötande SP" + tag, "Spåret om bemötande.");
            jdbc.update("insert into track (id, project_id, position, name, description) values (?, ?, 2, ?, ?)",
                    t2, id, "Samverkan SP" + tag, "Spåret om samverkan.");
            jdbc.update("insert into target_group (id, project_id, code, name) values (nextval('target_group_seq'), ?, '1a', 'Personal')",
                    id);
            return new TestProject(id, "sp-" + tag, "SP" + tag, List.of(t1, t2));
        });
    }
}
