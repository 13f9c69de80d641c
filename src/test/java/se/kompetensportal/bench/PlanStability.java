package se.kompetensportal.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Does a catalogue query get slower once PostgreSQL switches it to a generic plan? On one connection, as the portal's
 * pool gives them (pgjdbc prepares a statement on the server from its fifth execution; PostgreSQL plans the first five
 * executions of a prepared statement for their parameters and may then keep one generic plan), the catalogue's count
 * and page queries, with and without a free-text search, are run {@code runs} times each, and the median time of
 * executions 1–5, 6–10 and 11–runs is printed, once with PostgreSQL's default {@code plan_cache_mode = auto} and once
 * with {@code force_custom_plan}. Part of {@link PortalVersusBaseline} (docs/benchmarks.md).
 */
final class PlanStability {

    private static final String SCOPE = " from activity a where a.status = 'PUBLISHED' and a.last_end > ?";
    private static final String SEARCH = " and a.search_vector @@ websearch_to_tsquery('swedish', ?)";
    private static final String COLUMNS = "select a.id, a.title, a.kind, a.level, a.status, a.project_id, a.track_id, "
            + "a.first_start, a.last_end, a.session_count, a.total_minutes, a.venue_name, a.venue_city, a.seats, "
            + "a.seats_taken, a.registration_opens, a.registration_closes";

    private PlanStability() {
    }

    static void print(String jdbcUrl, String user, int runs) throws SQLException {
        String[][] queries = {
                {"count, first page", "select count(*)" + SCOPE},
                {"page, first page", COLUMNS + SCOPE + " order by a.first_start, a.id limit 20 offset 0"},
                {"count, search", "select count(*)" + SCOPE + SEARCH},
                {"page, search", COLUMNS + SCOPE + SEARCH + " order by ts_rank(a.search_vector, "
                        + "websearch_to_tsquery('swedish', ?)) desc, a.first_start, a.id limit 20 offset 0"}};
        System.out.println();
        System.out.printf(Locale.ROOT, "Catalogue queries on one connection, %d executions each: median ms of executions%n",
                runs);
        System.out.println();
        System.out.println("| query | plan_cache_mode | 1–5 | 6–10 | 11–" + runs + " |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String mode : new String[] {"auto", "force_custom_plan"}) {
            for (String[] q : queries) {
                try (Connection c = DriverManager.getConnection(jdbcUrl, user, "")) {
                    try (Statement s = c.createStatement()) {
                        s.execute("set plan_cache_mode = " + mode);
                    }
                    double[] ms = new double[runs];
                    long parameters = q[1].chars().filter(ch -> ch == '?').count();
                    try (PreparedStatement p = c.prepareStatement(q[1])) {
                        for (int i = 0; i < runs; i++) {
                            p.setTimestamp(1, Timestamp.from(Instant.now()));
                            for (int k = 2; k <= parameters; k++) {
                                p.setString(k, "bättre bemötande");
                            }
                            long t0 = System.nanoTime();
                            try (ResultSet r = p.executeQuery()) {
                                while (r.next()) {
                                    r.getObject(1);
                                }
                            }
                            ms[i] = (System.nanoTime() - t0) / 1e6;
                        }
                    }
                    System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f |%n", q[0], mode,
                            median(ms, 0, 5), median(ms, 5, 10), median(ms, 10, runs));
                }
            }
        }
    }

    private static double median(double[] values, int from, int to) {
        double[] part = Arrays.copyOfRange(values, from, to);
        Arrays.sort(part);
        return part[part.length / 2];
    }
}
