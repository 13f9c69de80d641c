package se.kompetensportal.bench;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

/**
 * For {@link DashboardBenchmark} only (registered as a source there, not component-scanned): while the surveys module's
 * tables are not on this branch, evaluation answers live in a benchmark table, and this {@link SurveysApi} answers with
 * the kind of aggregate the surveys module will run (count and count agreeing per statement, one project and period).
 */
public class BenchSurveys {

    @Bean
    @Primary
    SurveysApi benchSurveysApi(JdbcTemplate jdbc) {
        return new SurveysApi() {
            @Override
            public List<StatementResult> statementResults(long projectId, LocalDate from, LocalDate to, Long org) {
                return jdbc.query("""
                        select statement_key, count(*), count(*) filter (where value >= 4)
                        from bench_evaluation_answer
                        where project_id = ? and answered_on between ? and ?
                        group by statement_key order by statement_key""",
                        (rs, i) -> {
                            long answers = rs.getLong(2);
                            return new StatementResult(rs.getString(1), rs.getString(1), rs.getString(1), answers,
                                    answers < MIN_ANSWERS_SHOWN ? null : rs.getLong(3), 60);
                        },
                        projectId, Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from),
                        Date.valueOf(to == null ? LocalDate.of(2999, 1, 1) : to));
            }

            @Override
            public EvaluationTotals totals(long projectId, LocalDate from, LocalDate to, Long org) {
                return jdbc.queryForObject("""
                        select count(*) filter (where not paper), count(*) filter (where paper)
                        from bench_evaluation_answer where project_id = ? and answered_on between ? and ?""",
                        (rs, i) -> new EvaluationTotals(0, 0, rs.getLong(1), rs.getLong(2)), projectId,
                        Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from),
                        Date.valueOf(to == null ? LocalDate.of(2999, 1, 1) : to));
            }
        };
    }
}
