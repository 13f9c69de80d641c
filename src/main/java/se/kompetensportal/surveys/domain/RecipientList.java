package se.kompetensportal.surveys.domain;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded recipient list: a CSV file (as Excel saves it: separated by semicolons or commas, UTF-8 or
 * Windows-1252) with three columns, name, e-mail and employer, and an optional heading row. Every row is checked and
 * every problem reported with its row number; the list is taken only when there are none.
 */
final class RecipientList {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ROWS = 5000;
    static final int MAX_PROBLEMS = 200;
    static final int COLUMNS = 3;

    /** A row as it is checked, each column by the rules of its field. */
    record Row(int line, @NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 200) String employer) {
    }

    /**
     * One problem: the row ({@code 0} for the whole file), the column's message key ({@code null} for the row) and what
     * is wrong (a message key and its arguments).
     */
    record Problem(int line, String column, String messageKey, List<Object> arguments) {
    }

    record Parsed(List<Row> rows, List<Problem> problems, int problemCount) {

        boolean valid() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    private RecipientList() {
    }

    static Parsed read(byte[] content, Collection<String> existingEmails, Validator validator) {
        List<Problem> problems = new ArrayList<>();
        if (content == null || content.length == 0) {
            return new Parsed(List.of(), List.of(problem(0, null, "csv.error.empty")), 1);
        }
        if (content.length > MAX_BYTES) {
            return new Parsed(List.of(), List.of(problem(0, null, "csv.error.tooLarge", MAX_BYTES / 1024 / 1024)), 1);
        }
        for (byte b : content) {
            if (b == 0) {
                return new Parsed(List.of(), List.of(problem(0, null, "csv.error.notText")), 1);
            }
        }
        String text = decode(content);
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        char delimiter = delimiter(firstLine);
        List<Row> rows = new ArrayList<>();
        int count = 0;
        Set<String> existing = new HashSet<>();
        existingEmails.forEach(e -> existing.add(e.toLowerCase(Locale.ROOT)));
        Map<String, Integer> seen = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            boolean first = true;
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (first && heading(cells)) {
                    first = false;
                    continue;
                }
                first = false;
                if (++count > MAX_ROWS) {
                    problems.add(problem(0, null, "csv.error.tooMany", MAX_ROWS));
                    break;
                }
                if (cells.size() != COLUMNS) {
                    problems.add(problem(line, null, "csv.error.columns", cells.size(), COLUMNS));
                    continue;
                }
                String employer = cells.get(2).isBlank() ? null : cells.get(2);
                Row row = new Row(line, cells.get(0), cells.get(1), employer);
                int before = problems.size();
                for (ConstraintViolation<Row> v : validator.validate(row)) {
                    String field = v.getPropertyPath().toString();
                    String annotation = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
                    String key = switch (annotation) {
                        case "NotBlank" -> "csv.error.required";
                        case "Email" -> "csv.error.email";
                        default -> "csv.error.tooLong";
                    };
                    Object max = v.getConstraintDescriptor().getAttributes().get("max");
                    problems.add(problem(line, "csv.column." + field, key, max == null ? "" : max));
                }
                String email = row.email().toLowerCase(Locale.ROOT);
                if (problems.size() == before && !email.isBlank()) {
                    if (!email.substring(email.indexOf('@') + 1).contains(".")) {
                        problems.add(problem(line, "csv.column.email", "csv.error.email"));
                    } else if (seen.containsKey(email)) {
                        problems.add(problem(line, "csv.column.email", "csv.error.duplicate", seen.get(email)));
                    } else if (existing.contains(email)) {
                        problems.add(problem(line, "csv.column.email", "csv.error.alreadyRecipient"));
                    }
                }
                seen.putIfAbsent(email, line);
                if (problems.size() == before) {
                    rows.add(new Row(line, row.name(), row.email(), employer));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(problem(0, null, "csv.error.malformed"));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(problem(0, null, "csv.error.empty"));
        }
        int total = problems.size();
        return new Parsed(rows, problems.size() > MAX_PROBLEMS ? List.copyOf(problems.subList(0, MAX_PROBLEMS))
                : problems, total);
    }

    private static Problem problem(int line, String column, String key, Object... arguments) {
        return new Problem(line, column, key, List.of(arguments));
    }

    /** A heading row names the e-mail column. */
    private static boolean heading(List<String> cells) {
        return cells.stream().map(c -> c.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", ""))
                .anyMatch(c -> c.equals("epost") || c.equals("email") || c.equals("epostadress") || c.equals("mail"));
    }

    /** UTF-8 (a byte-order mark is dropped), or Windows-1252 when the content is not valid UTF-8. */
    static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    /** The separator the first line uses most: semicolon (Swedish Excel), comma or tab. */
    static char delimiter(String firstLine) {
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }
}
