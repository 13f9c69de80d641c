package se.kompetensportal.indicators.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The values the secretary enters by hand for manual indicators: a value, the date it applies to and a note. */
@Repository
public class ManualValues {

    public record ManualValue(long id, BigDecimal value, LocalDate measuredOn, String note) {
    }

    private final JdbcTemplate jdbc;

    ManualValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long indicatorId, BigDecimal value, LocalDate measuredOn, String note, Long userId) {
        jdbc.update("""
                insert into indicator_value (id, indicator_id, value, measured_on, note, recorded_by)
                values (nextval('indicator_value_seq'), ?, ?, ?, ?, ?)""",
                indicatorId, value, Date.valueOf(measuredOn), note, userId);
    }

    void delete(long indicatorId, long valueId) {
        jdbc.update("delete from indicator_value where id = ? and indicator_id = ?", valueId, indicatorId);
    }

    public List<ManualValue> of(long indicatorId) {
        return jdbc.query("select id, value, measured_on, note from indicator_value where indicator_id = ?"
                        + " order by measured_on desc, id desc",
                (rs, i) -> new ManualValue(rs.getLong(1), rs.getBigDecimal(2), rs.getDate(3).toLocalDate(),
                        rs.getString(4)), indicatorId);
    }

    /** The latest value measured in the period, if any. */
    Optional<BigDecimal> latest(long indicatorId, LocalDate from, LocalDate to) {
        return jdbc.query("select value from indicator_value where indicator_id = ? and measured_on between ? and ?"
                        + " order by measured_on desc, id desc limit 1",
                (rs, i) -> rs.getBigDecimal(1), indicatorId, Date.valueOf(from), Date.valueOf(to)).stream().findFirst();
    }
}
