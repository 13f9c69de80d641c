package se.kompetensportal.timereporting.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The claim packs' tables: the queue, progress, and the finished file in chunks. */
@Component
class ClaimPackStore {

    static final int CHUNK = 1024 * 1024;

    /** A claim pack as pages list it. */
    record Pack(long id, long projectId, YearMonth from, YearMonth to, String status, int done, int total,
            long requestedBy, java.time.Instant requestedAt, java.time.Instant finishedAt, Long sizeBytes,
            String failure) {

        int percent() {
            return total == 0 ? 0 : Math.min(100, 100 * done / total);
        }
    }

    private static final String COLUMNS = """
            id, project_id, from_month, to_month, status, steps_done, steps_total, requested_by, requested_at,
            finished_at, size_bytes, failure""";

    private final JdbcTemplate jdbc;

    ClaimPackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long queue(long projectId, YearMonth from, YearMonth to, long userId) {
        Long id = jdbc.queryForObject("select nextval('time_claim_pack_seq')", Long.class);
        jdbc.update("insert into time_claim_pack (id, project_id, from_month, to_month, requested_by) values (?, ?, ?, ?, ?)",
                id, projectId, LedgerStore.first(from), LedgerStore.first(to), userId);
        return id;
    }

    Optional<Pack> pack(long id) {
        return jdbc.query("select " + COLUMNS + " from time_claim_pack where id = ?", ClaimPackStore::map, id).stream()
                .findFirst();
    }

    List<Pack> packs(long projectId) {
        return jdbc.query("select " + COLUMNS + " from time_claim_pack where project_id = ? order by requested_at desc,"
                + " id desc limit 50", ClaimPackStore::map, projectId);
    }

    /**
     * Takes the oldest queued pack (or one whose builder stopped sending signs of life) for building; empty when
     * there is none. The row lock and {@code skip locked} keep two instances from taking the same pack.
     */
    Optional<Long> claim(java.util.function.ToIntFunction<Long> steps) {
        List<Long> ids = jdbc.queryForList("""
                update time_claim_pack set status = 'BUILDING', started_at = now(), heartbeat_at = now(), steps_done = 0
                where id = (select id from time_claim_pack
                            where status = 'QUEUED'
                               or (status = 'BUILDING' and heartbeat_at < now() - interval '10 minutes')
                            order by requested_at, id limit 1 for update skip locked)
                returning id""", Long.class);
        ids.forEach(id -> jdbc.update("update time_claim_pack set steps_total = ? where id = ?",
                steps.applyAsInt(id), id));
        return ids.stream().findFirst();
    }

    void step(long id) {
        jdbc.update("update time_claim_pack set steps_done = steps_done + 1, heartbeat_at = now() where id = ?", id);
    }

    /** Stores the finished file (in the caller's transaction) and marks the pack done. */
    void finish(long id, InputStream file, long size) {
        jdbc.update("delete from time_claim_pack_chunk where pack_id = ?", id);
        try {
            byte[] buffer = new byte[CHUNK];
            int seq = 0;
            int n;
            while ((n = file.readNBytes(buffer, 0, CHUNK)) > 0) {
                jdbc.update("insert into time_claim_pack_chunk (pack_id, seq, data) values (?, ?, ?)", id, seq++,
                        n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("""
                update time_claim_pack set status = 'DONE', steps_done = steps_total, finished_at = now(),
                    heartbeat_at = now(), size_bytes = ? where id = ?""", size, id);
    }

    void fail(long id, String reason) {
        jdbc.update("update time_claim_pack set status = 'FAILED', finished_at = now(), failure = ? where id = ?",
                reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason, id);
    }

    /** Writes the stored file to {@code out}, one chunk (one query) at a time. */
    void copy(long id, OutputStream out) throws IOException {
        Integer chunks = jdbc.queryForObject("select count(*) from time_claim_pack_chunk where pack_id = ?",
                Integer.class, id);
        for (int seq = 0; seq < (chunks == null ? 0 : chunks); seq++) {
            byte[] data = jdbc.queryForObject("select data from time_claim_pack_chunk where pack_id = ? and seq = ?",
                    byte[].class, id, seq);
            out.write(data);
        }
        out.flush();
    }

    private static Pack map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new Pack(rs.getLong("id"), rs.getLong("project_id"),
                YearMonth.from(rs.getDate("from_month").toLocalDate()), YearMonth.from(rs.getDate("to_month").toLocalDate()),
                rs.getString("status"), rs.getInt("steps_done"), rs.getInt("steps_total"), rs.getLong("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), LedgerStore.instant(rs, "finished_at"), sizeBytes,
                rs.getString("failure"));
    }
}
