package se.kompetensportal.participants.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.security.PortalUser;

/**
 * The register-wide duplicate report, for the administrator only (it crosses every project): people with the same
 * personal identity number (blind index), the same e-mail address once case, spaces and a "+tag" are set aside, or a
 * similar name (at most two letters apart, accents ignored) and the same birth date.
 */
@Service
public class DuplicateReport {

    public enum Reason { PERSONAL_ID, EMAIL, NAME_AND_BIRTH_DATE }

    public record Candidate(long id, String name, String email) {
    }

    public record Group(Reason reason, List<Candidate> people) {
    }

    private record Row(long id, String first, String last, String email, String index, String encrypted) {
        Candidate candidate() {
            return new Candidate(id, first + " " + last, email);
        }
    }

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    DuplicateReport(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Transactional(readOnly = true)
    public List<Group> report(PortalUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("The duplicate report is for administrators");
        }
        List<Row> rows = jdbc.query("""
                select id, first_name, last_name, email, personal_id_index, personal_id_encrypted from person
                where erased_at is null and merged_into is null order by id""", (rs, i) -> new Row(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
        List<Group> groups = new ArrayList<>();
        groupBy(rows, Reason.PERSONAL_ID, r -> r.index(), groups);
        groupBy(rows, Reason.EMAIL, r -> emailKey(r.email()), groups);
        Map<String, List<Row>> byBirth = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.encrypted() != null) {
                byBirth.computeIfAbsent(cipher.decrypt(r.encrypted()).substring(0, 8), k -> new ArrayList<>()).add(r);
            }
        }
        for (List<Row> sameDay : byBirth.values()) {
            for (int i = 0; i < sameDay.size(); i++) {
                for (int j = i + 1; j < sameDay.size(); j++) {
                    Row a = sameDay.get(i);
                    Row b = sameDay.get(j);
                    if (distance(nameKey(a), nameKey(b)) <= 2) {
                        groups.add(new Group(Reason.NAME_AND_BIRTH_DATE, List.of(a.candidate(), b.candidate())));
                    }
                }
            }
        }
        return groups;
    }

    private static void groupBy(List<Row> rows, Reason reason, java.util.function.Function<Row, String> key,
            List<Group> into) {
        Map<String, List<Candidate>> by = new LinkedHashMap<>();
        for (Row r : rows) {
            String k = key.apply(r);
            if (k != null) {
                by.computeIfAbsent(k, x -> new ArrayList<>()).add(r.candidate());
            }
        }
        by.values().stream().filter(l -> l.size() > 1).forEach(l -> into.add(new Group(reason, l)));
    }

    static String emailKey(String email) {
        if (email == null || email.endsWith("@erased.invalid")) {
            return null;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (at < 0) {
            return e;
        }
        String local = e.substring(0, at);
        int plus = local.indexOf('+');
        return (plus >= 0 ? local.substring(0, plus) : local) + e.substring(at);
    }

    private static String nameKey(Row r) {
        String n = Normalizer.normalize((r.first() + " " + r.last()).toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return n.replaceAll("\\p{M}", "").replaceAll("[^a-z]", "");
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
