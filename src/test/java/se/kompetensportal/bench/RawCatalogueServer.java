package se.kompetensportal.bench;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.Collator;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The framework-free baseline of the catalogue benchmark (docs/benchmarks.md, issue 13): the JDK's HTTP server, plain
 * JDBC (one connection and its prepared statements per worker thread) and a {@code StringBuilder} serve the first page
 * of the public catalogue and its free-text search, byte for byte as the portal renders them for an anonymous Swedish
 * visitor, from the same database. It does what the portal does and no more: the same queries (the change counter,
 * what the filters offer remembered while the counter stands, the count, the page, the page's target groups), and a
 * page kept in memory while the counter stands (30 s at most) unless the request says {@code Cache-Control: no-cache}.
 * Nothing here uses Spring or the portal's classes; only {@code /activities} with {@code q} and {@code page} is served.
 */
final class RawCatalogueServer implements AutoCloseable {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final Locale SV = Locale.of("sv");
    private static final Collator SWEDISH = Collator.getInstance(SV);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("LLLL yyyy", SV);
    private static final String SCOPE = " from activity a where a.status = 'PUBLISHED' and a.last_end > ?";
    private static final String SEARCH = " and a.search_vector @@ websearch_to_tsquery('swedish', ?)";
    private static final String COLUMNS = "select a.id, a.title, a.kind, a.level, a.status, a.project_id, a.track_id, "
            + "a.first_start, a.last_end, a.session_count, a.total_minutes, a.venue_name, a.venue_city, a.seats, "
            + "a.seats_taken, a.registration_opens, a.registration_closes";

    private final HttpServer server;
    private final ExecutorService workers;
    private final String jdbcUrl;
    private final String user;
    private final String canonical;
    private final Properties messages = new Properties();
    private final ThreadLocal<Db> db = new ThreadLocal<>();
    private final List<Db> all = new ArrayList<>();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private volatile Facets facets;

    private record Page(long version, long expiresAt, byte[] body) {
    }

    /** Projects as {id, short name, name}; tracks and target groups as {project id, id, label}, in order. */
    record Facets(long version, long expiresAt, List<String[]> projects, List<String[]> tracks, List<String[]> groups,
            List<String> places, Map<Long, String> shortNames, Map<Long, String> trackNames,
            Map<Long, String> groupNames) {
    }

    /** A worker thread's connection and statements, prepared once. */
    private record Db(Connection connection, PreparedStatement counter, PreparedStatement count,
            PreparedStatement searchCount, PreparedStatement rows, PreparedStatement searchRows) {
    }

    RawCatalogueServer(int port, int threads, String jdbcUrl, String user, String baseUrl) throws IOException {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.canonical = baseUrl + "/activities";
        for (String bundle : List.of("messages", "activities", "knowledge", "dialogfund")) {
            try (Reader in = new InputStreamReader(getClass().getResourceAsStream("/i18n/" + bundle + ".properties"),
                    StandardCharsets.UTF_8)) {
                messages.load(in);
            }
        }
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs (40 ms a response).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        workers = Executors.newFixedThreadPool(threads);
        server.setExecutor(workers);
        server.createContext("/activities", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try {
                body = page(exchange.getRequestURI().getRawQuery(),
                        "no-cache".equals(exchange.getRequestHeaders().getFirst("Cache-Control")));
            } catch (SQLException | RuntimeException e) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] page(String rawQuery, boolean fresh) throws SQLException {
        Db d = db();
        long version;
        try (ResultSet r = d.counter().executeQuery()) {
            r.next();
            version = r.getLong(1);
        }
        String key = rawQuery == null ? "" : rawQuery;
        Page kept = pages.get(key);
        if (!fresh && kept != null && kept.version() == version && System.nanoTime() - kept.expiresAt() < 0) {
            return kept.body();
        }
        String q = null;
        int page = 0;
        for (String pair : key.isEmpty() ? new String[0] : key.split("&")) {
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("q")) {
                q = value.isBlank() ? null : value.strip();
            } else if (name.equals("page")) {
                page = Integer.parseInt(value);
            } else {
                throw new IllegalArgumentException(name);
            }
        }
        byte[] body = render(d, version, key, q, page).getBytes(StandardCharsets.UTF_8);
        pages.put(key, new Page(version, System.nanoTime() + 30_000_000_000L, body));
        return body;
    }

    private Db db() throws SQLException {
        Db d = db.get();
        if (d == null) {
            Connection c = DriverManager.getConnection(jdbcUrl, user, "");
            d = new Db(c, c.prepareStatement("select case when is_called then last_value else 0 end from activity_change_seq"),
                    c.prepareStatement("select count(*)" + SCOPE), c.prepareStatement("select count(*)" + SCOPE + SEARCH),
                    c.prepareStatement(COLUMNS + SCOPE + " order by a.first_start, a.id limit ? offset ?"),
                    c.prepareStatement(COLUMNS + SCOPE + SEARCH + " order by ts_rank(a.search_vector, "
                            + "websearch_to_tsquery('swedish', ?)) desc, a.first_start, a.id limit ? offset ?"));
            db.set(d);
            synchronized (all) {
                all.add(d);
            }
        }
        return d;
    }

    private String render(Db d, long version, String rawQuery, String q, int requestedPage) throws SQLException {
        Instant now = Instant.now();
        Timestamp nowTs = Timestamp.from(now);
        Facets f = facets(d.connection(), version, nowTs);
        PreparedStatement count = q == null ? d.count() : d.searchCount();
        count.setTimestamp(1, nowTs);
        if (q != null) {
            count.setString(2, q);
        }
        long total;
        try (ResultSet r = count.executeQuery()) {
            r.next();
            total = r.getLong(1);
        }
        int pageNumber = (int) Math.max(0, Math.min(requestedPage, (total - 1) / 20));
        List<Object[]> rows = new ArrayList<>();
        if (total > 0) {
            PreparedStatement select = q == null ? d.rows() : d.searchRows();
            int i = 1;
            select.setTimestamp(i++, nowTs);
            if (q != null) {
                select.setString(i++, q);
                select.setString(i++, q);
            }
            select.setInt(i++, 20);
            select.setInt(i, pageNumber * 20);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getLong(6), r.getLong(7), r.getTimestamp(8).toInstant(), r.getTimestamp(9).toInstant(),
                            r.getInt(10), r.getLong(11), r.getString(12), r.getString(13), r.getInt(14), r.getInt(15),
                            r.getTimestamp(16), r.getTimestamp(17)});
                }
            }
        }
        Map<Long, List<String>> groupsOf = new HashMap<>();
        if (!rows.isEmpty()) {
            StringBuilder in = new StringBuilder();
            for (Object[] row : rows) {
                in.append(in.isEmpty() ? "" : ",").append(row[0]);
            }
            try (PreparedStatement s = d.connection().prepareStatement("select activity_id, target_group_id from "
                    + "activity_target_group where activity_id in (" + in + ") order by activity_id, target_group_id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String name = f.groupNames().get(r.getLong(2));
                    if (name != null) {
                        groupsOf.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(name);
                    }
                }
            }
        }
        return CatalogueHtml.page(this, f, rawQuery, q, total, pageNumber, rows, groupsOf, now);
    }

    /** What the filters offer, as the portal remembers it: while the counter stands, for at most a minute. */
    private Facets facets(Connection c, long version, Timestamp now) throws SQLException {
        Facets kept = facets;
        if (kept != null && kept.version() == version && System.nanoTime() - kept.expiresAt() < 0) {
            return kept;
        }
        TreeSet<Long> projectIds = new TreeSet<>();
        TreeSet<Long> trackIds = new TreeSet<>();
        TreeSet<String> places = new TreeSet<>(SWEDISH);
        try (PreparedStatement s = c.prepareStatement("select distinct a.project_id, a.track_id, a.venue_city" + SCOPE)) {
            s.setTimestamp(1, now);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    projectIds.add(r.getLong(1));
                    trackIds.add(r.getLong(2));
                    if (r.getString(3) != null) {
                        places.add(r.getString(3));
                    }
                }
            }
        }
        String ids = projectIds.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("0");
        List<String[]> projects = new ArrayList<>();
        Map<Long, String> shortNames = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, short_name, name from project where id in (" + ids
                + ") order by start_date desc"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                projects.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                shortNames.put(r.getLong(1), r.getString(2));
            }
        }
        projects.sort((a, b) -> SWEDISH.compare(a[1], b[1]));
        List<String[]> tracks = new ArrayList<>();
        Map<Long, String> trackNames = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, project_id, position, name from track where project_id in ("
                + ids + ") order by project_id, position"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (trackIds.contains(r.getLong(1))) {
                    tracks.add(new String[] {r.getString(2), r.getString(1), r.getString(3) + ". " + r.getString(4)});
                    trackNames.put(r.getLong(1), r.getString(4));
                }
            }
        }
        List<String[]> groups = new ArrayList<>();
        Map<Long, String> groupNames = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select id, project_id, code, name from target_group where project_id in ("
                + ids + ") order by project_id, code"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                groups.add(new String[] {r.getString(2), r.getString(1), r.getString(3) + " " + r.getString(4)});
                groupNames.put(r.getLong(1), r.getString(4));
            }
        }
        Facets fresh = new Facets(version, System.nanoTime() + 60_000_000_000L, projects, tracks, groups,
                List.copyOf(places), shortNames, trackNames, groupNames);
        facets = fresh;
        return fresh;
    }

    String text(String key) {
        return messages.getProperty(key);
    }

    String text(String key, Object... args) {
        return new MessageFormat(messages.getProperty(key), SV).format(args);
    }

    String canonical() {
        return canonical;
    }

    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    static YearMonth currentMonth(Instant now) {
        return YearMonth.from(now.atZone(ZONE));
    }

    static String date(Instant instant) {
        return DATE.format(instant.atZone(ZONE));
    }

    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(ZONE));
    }

    /** Hours as the portal writes them: two decimals at most, none for whole hours, Swedish digit grouping. */
    static String hours(long minutes) {
        BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
        NumberFormat format = NumberFormat.getNumberInstance(SV);
        format.setMaximumFractionDigits(hours.stripTrailingZeros().scale() <= 0 ? 0 : 2);
        return format.format(hours);
    }

    /** "Jämställdhet i kulturmötet!" → "jamstalldhet-i-kulturmotet", as the portal's readable addresses. */
    static String slug(String title) {
        String ascii = Normalizer.normalize(title.replace("ß", "ss").replace("æ", "ae").replace("ø", "o")
                .replace("Æ", "ae").replace("Ø", "o"), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+[^-]*$", "") : slug;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        synchronized (all) {
            for (Db d : all) {
                try {
                    d.connection().close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
        }
    }
}
