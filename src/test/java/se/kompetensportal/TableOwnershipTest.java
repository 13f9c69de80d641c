package se.kompetensportal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module owns its tables: SQL or JPQL in one module never names another module's table (or entity). Modulith's
 * {@link ModularityTests} sees imports, not SQL; this test reads the main sources' string literals instead.
 * <p>
 * Who owns a table: the module whose entity maps it ({@code @Table}, {@code @CollectionTable}, {@code @JoinTable}),
 * else {@link #JDBC_TABLES} below. Every table a migration creates must have an owner, so a new JDBC-only table must be
 * added there. To read another module's data, call its API (root package) or keep a read model from its events: see
 * "Table ownership" in docs/development.md.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/se/kompetensportal");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Tables no entity maps, by owning module. {@code shared} holds the infrastructure's tables. */
    static final Map<String, String> JDBC_TABLES = Map.ofEntries(
            Map.entry("attendance", "participants"),
            Map.entry("personal_id_access", "participants"),
            Map.entry("participant_days", "participants"),
            Map.entry("participant_person", "participants"),
            Map.entry("participant_month", "participants"), // V24_1, dropped by V25_1
            Map.entry("participant_span", "participants"), // V24_1, dropped by V25_1
            Map.entry("pending_sign_up", "accounts"),
            Map.entry("one_time_tokens", "accounts"),
            Map.entry("dialog_reference_counter", "dialogfund"),
            Map.entry("indicator_value", "indicators"),
            Map.entry("progress_report", "indicators"),
            Map.entry("evaluation", "surveys"),
            Map.entry("evaluation_answer", "surveys"),
            Map.entry("evaluation_invitation", "surveys"),
            Map.entry("evaluation_link", "surveys"),
            Map.entry("evaluation_response", "surveys"),
            Map.entry("evaluation_response_identity", "surveys"),
            Map.entry("evaluation_template", "surveys"),
            Map.entry("interest_registration", "surveys"),
            Map.entry("survey_contact", "surveys"),
            Map.entry("survey_message", "surveys"),
            Map.entry("survey_open_link", "surveys"),
            Map.entry("survey_question", "surveys"),
            Map.entry("time_event", "timereporting"),
            Map.entry("time_line", "timereporting"),
            Map.entry("time_link", "timereporting"),
            Map.entry("time_month", "timereporting"),
            Map.entry("time_scb_month", "timereporting"),
            Map.entry("time_claim_pack", "timereporting"),
            Map.entry("time_claim_pack_chunk", "timereporting"),
            Map.entry("time_pledge", "timereporting"),
            Map.entry("time_summary", "timereporting"),
            Map.entry("time_summary_person", "timereporting"),
            Map.entry("time_exit", "timereporting"),
            Map.entry("activity_message", "participants"),
            Map.entry("activity_message_recipient", "participants"),
            Map.entry("person_merge", "participants"),
            Map.entry("protected_identity_change", "participants"),
            Map.entry("seat_offer", "participants"),
            Map.entry("sign_up_settings", "participants"),
            Map.entry("sign_up_question", "participants"),
            Map.entry("sign_up_answer", "participants"),
            Map.entry("manager_approval", "participants"),
            Map.entry("event_publication", "shared"),
            Map.entry("rate_limit", "shared"),
            Map.entry("shedlock", "shared"),
            Map.entry("spring_session", "shared"),
            Map.entry("spring_session_attributes", "shared"));

    /**
     * Statements that still read another module's tables, as "file|table" → how many statements. It may only shrink:
     * the test fails on a new statement and on an entry that is no longer needed (lower or remove it then).
     */
    static final Map<String, Integer> ALLOWED = Map.of();

    private static final Pattern TABLE_ANNOTATION =
            Pattern.compile("@(?:Table|CollectionTable|JoinTable)\\s*\\(\\s*name\\s*=\\s*\"([a-z_0-9]+)\"");
    private static final Pattern ENTITY_CLASS =
            Pattern.compile("@Entity(?:\\s*\\(\\s*name\\s*=\\s*\"(\\w+)\"\\s*\\))?[^{;]*?\\bclass\\s+(\\w+)");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)");
    /** A string is a statement if it has the shape of one (not merely an English word such as "from"). */
    private static final Pattern STATEMENT = Pattern.compile(
            "(?is)\\bselect\\b.+\\bfrom\\b|\\binsert\\s+into\\b|\\bupdate\\s+\\w+\\s+(\\w+\\s+)?set\\b|\\bdelete\\s+from\\b"
                    + "|^\\s*(from|join|left\\s+join)\\b|\\bwith\\s+\\w+\\s+as\\s*\\(");

    @Test
    void noModuleNamesAnotherModulesTable() {
        Map<String, String> tables = tableOwners();
        Map<String, String> entities = entityOwners();
        Map<String, Integer> found = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles()) {
            String module = moduleOf(file);
            String name = MAIN.relativize(file).toString();
            for (Literal statement : statements(read(file))) {
                String sql = withoutSqlCommentsAndLiterals(statement.text());
                for (String table : namedTables(sql, tables.keySet())) {
                    String owner = tables.get(table);
                    if (!owner.equals(module) && !owner.equals("shared")) {
                        found.merge(name + "|" + table, 1, Integer::sum);
                        problems.add(name + ":" + statement.line() + " names table " + table + " of " + owner);
                    }
                }
                for (String entity : namedEntities(sql, entities.keySet())) {
                    String owner = entities.get(entity);
                    if (!owner.equals(module)) {
                        found.merge(name + "|" + entity, 1, Integer::sum);
                        problems.add(name + ":" + statement.line() + " names entity " + entity + " of " + owner);
                    }
                }
            }
        }
        List<String> failures = new ArrayList<>();
        found.forEach((key, count) -> {
            int allowed = ALLOWED.getOrDefault(key, 0);
            if (count > allowed) {
                String prefix = key.substring(0, key.indexOf('|')) + ":";
                String table = " " + key.substring(key.indexOf('|') + 1) + " of ";
                problems.stream().filter(p -> p.startsWith(prefix) && p.contains(table)).forEach(failures::add);
            }
        });
        ALLOWED.forEach((key, allowed) -> {
            int count = found.getOrDefault(key, 0);
            if (count < allowed) {
                failures.add("allow-list entry " + key + " allows " + allowed + " statement(s) but " + count
                        + " remain: lower it (or remove it) in TableOwnershipTest.ALLOWED");
            }
        });
        assertThat(failures).as("SQL/JPQL naming another module's table (use the owning module's API)").isEmpty();
    }

    @Test
    void everyTableHasAnOwner() {
        Map<String, String> owners = tableOwners();
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = CREATE_TABLE.matcher(withoutSqlCommentsAndLiterals(read(f)));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(created).as("tables created by migrations").isNotEmpty();
        assertThat(created).as("tables without an owner: map an entity or add them to JDBC_TABLES")
                .allMatch(owners::containsKey);
    }

    @Test
    void theScannerSeesStatementsAndIgnoresProse() {
        String source = """
                class X {
                    // select * from activity
                    /* join project p */
                    String a = "select s.id, s.activity_id from sign_up s " +
                            "join activity a on a.id = s.activity_id where a.kind = 'project'";
                    String b = "The project starts from today";
                    String c = \"""
                            update person set name = ? -- from activity
                            \""";
                    char d = '"';
                    String e = "select a from Activity a join a.project p";
                }
                """;
        List<Literal> statements = statements(source);
        assertThat(statements).extracting(Literal::line).containsExactly(4, 7, 11);
        Set<String> tables = Set.of("activity", "project", "person", "sign_up");
        assertThat(namedTables(withoutSqlCommentsAndLiterals(statements.get(0).text()), tables))
                .containsExactlyInAnyOrder("sign_up", "activity");
        assertThat(namedTables(withoutSqlCommentsAndLiterals(statements.get(1).text()), tables))
                .containsExactly("person");
        assertThat(namedEntities(withoutSqlCommentsAndLiterals(statements.get(2).text()), Set.of("Activity", "Project")))
                .containsExactly("Activity");
    }

    // ---- the sources ----

    record Literal(int line, String text) {
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> MAIN.relativize(f).getNameCount() > 1)
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String moduleOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>(JDBC_TABLES);
        for (Path file : javaFiles()) {
            Matcher m = TABLE_ANNOTATION.matcher(read(file));
            while (m.find()) {
                String previous = owners.put(m.group(1), moduleOf(file));
                assertThat(previous).as("table " + m.group(1) + " owned twice").isIn(null, moduleOf(file));
            }
        }
        return owners;
    }

    private static Map<String, String> entityOwners() {
        Map<String, String> owners = new TreeMap<>();
        for (Path file : javaFiles()) {
            Matcher m = ENTITY_CLASS.matcher(withoutJavaComments(read(file)));
            while (m.find()) {
                owners.put(m.group(1) != null ? m.group(1) : m.group(2), moduleOf(file));
            }
        }
        return owners;
    }

    /**
     * The string literals of a Java source that look like SQL or JPQL, adjacent literals joined by {@code +} taken as
     * one statement (numbered by the line of its first literal). Comments and char literals are skipped.
     */
    static List<Literal> statements(String source) {
        List<Literal> joined = new ArrayList<>();
        int i = 0;
        int line = 1;
        int lastEnd = -1;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < n && source.charAt(i) != '\'') {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '"') {
                int start = i;
                int startLine = line;
                String text;
                if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    while (end > 0 && source.charAt(end - 1) == '\\') {
                        end = source.indexOf("\"\"\"", end + 1);
                    }
                    text = source.substring(i + 3, end);
                    i = end + 3;
                } else {
                    StringBuilder sb = new StringBuilder();
                    i++;
                    while (i < n && source.charAt(i) != '"') {
                        if (source.charAt(i) == '\\' && i + 1 < n) {
                            sb.append(source.charAt(i + 1) == 'n' ? '\n' : source.charAt(i + 1));
                            i += 2;
                        } else {
                            sb.append(source.charAt(i++));
                        }
                    }
                    i++;
                    text = sb.toString();
                }
                line += count(source, start, i);
                boolean continues = lastEnd >= 0 && source.substring(lastEnd, start).matches("\\s*\\+\\s*");
                if (continues) {
                    Literal previous = joined.removeLast();
                    joined.add(new Literal(previous.line(), previous.text() + text));
                } else {
                    joined.add(new Literal(startLine, text));
                }
                lastEnd = i;
            } else {
                i++;
            }
        }
        return joined.stream().filter(l -> STATEMENT.matcher(l.text()).find()).toList();
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String withoutJavaComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
    }

    /** Drops SQL comments and quoted values, so neither {@code -- from activity} nor {@code 'project'} counts. */
    static String withoutSqlCommentsAndLiterals(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").replaceAll("'(?:[^']|'')*'", "''");
    }

    /**
     * Tables named as such: the whole word, case-insensitive, not an attribute or column ({@code a.project}), not a
     * named parameter ({@code :project}) and not an alias ({@code as project}, {@code as "project"}).
     */
    static Set<String> namedTables(String sql, Set<String> tables) {
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![.:\\w])([a-z_][a-z_0-9]*)\\b(?!\\s*\\()").matcher(sql.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group(1);
            if (tables.contains(word) && !sql.toLowerCase(Locale.ROOT).substring(0, m.start()).matches("(?s).*\\bas\\s+\"?$")) {
                named.add(word);
            }
        }
        return named;
    }

    /** JPQL entities named after from, join, update, delete from or a comma in a from list (case-sensitive). */
    static Set<String> namedEntities(String jpql, Set<String> entities) {
        Set<String> named = new TreeSet<>();
        Matcher m = Pattern.compile("(?i:\\bfrom|\\bjoin|\\bupdate|,)\\s+([A-Z]\\w*)\\b").matcher(jpql);
        while (m.find()) {
            if (entities.contains(m.group(1))) {
                named.add(m.group(1));
            }
        }
        return named;
    }
}
