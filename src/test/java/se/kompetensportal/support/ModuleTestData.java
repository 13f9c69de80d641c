package se.kompetensportal.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The little a module test needs from the projects module's tables, written straight in (module tests run without the
 * demo data): a project with track 1 and target group "1a", an organisation, and Kalmar kommun (the employer
 * {@code ParticipantFixtures} gives its people). Ids come from the sequences, names
 * are unique, so module tests sharing {@link ModuleTestDatabase} never collide.
 */
public final class ModuleTestData {

    /** A project with one track (position 1) and one target group ("1a"). */
    public record Project(long id, long trackId, long targetGroupId) {
    }

    private ModuleTestData() {
    }

    public static Project project(JdbcTemplate jdbc, String name) {
        // The participants' fixtures employ their people at Kalmar kommun, as the demo data does.
        jdbc.update("""
                insert into organisation (id, name, kind, municipality)
                select nextval('organisation_seq'), 'Kalmar kommun', 'MUNICIPALITY', 'Kalmar'
                where not exists (select 1 from organisation where lower(name) = 'kalmar kommun')""");
        long id = next(jdbc, "project_seq");
        String unique = name + " " + id;
        jdbc.update("""
                insert into project (id, name, short_name, owner_organisation, start_date, end_date, slug)
                values (?, ?, ?, 'Ägaren', current_date - 365, current_date + 365, ?)""",
                id, unique, "M" + id, "modultest-" + id);
        long track = next(jdbc, "track_seq");
        jdbc.update("insert into track (id, project_id, position, name) values (?, ?, 1, 'Spår 1')", track, id);
        long group = next(jdbc, "target_group_seq");
        jdbc.update("insert into target_group (id, project_id, code, name) values (?, ?, '1a', 'Anställda')", group, id);
        return new Project(id, track, group);
    }

    public static long organisation(JdbcTemplate jdbc, String name) {
        long id = next(jdbc, "organisation_seq");
        jdbc.update("insert into organisation (id, name, kind) values (?, ?, 'MUNICIPALITY')", id, name + " " + id);
        return id;
    }

    private static long next(JdbcTemplate jdbc, String sequence) {
        return jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
    }
}
