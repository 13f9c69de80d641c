package se.kompetensportal.dialogfund.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out reference numbers {@code DP-<year>-<NNNN>}, counted per fund year. The counter row is updated in the
 * submitting transaction, so it stays locked until that commits: two submissions never get the same number, and a
 * number is lost only if its submission rolls back.
 */
@Component
public class ReferenceNumbers {

    private final JdbcTemplate jdbc;

    ReferenceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        Integer number = jdbc.queryForObject("""
                insert into dialog_reference_counter (year, last_number) values (?, 1)
                on conflict (year) do update set last_number = dialog_reference_counter.last_number + 1
                returning last_number""", Integer.class, year);
        return format(year, number);
    }

    static String format(int year, int number) {
        return "DP-%d-%04d".formatted(year, number);
    }
}
