package se.kompetensportal.dialogfund.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.web.Formats;

/**
 * What the start page shows from the dialog fund: applications to decide and final reports due or to approve (the
 * secretary, for their projects), applications to review (a reviewer), the applicant's own applications.
 */
@Service
@Transactional(readOnly = true)
public class FundHomeQueries {

    /** An application as a line of work: {@code what} says which (status or report state), {@code on} a date. */
    public record Case(long id, String reference, String title, String organisation, String what, LocalDate on) {
    }

    private static final String CASE = """
            select a.id, a.reference, a.title, a.organisation_name, %s, %s
            from dialog_application a join dialog_fund f on f.id = a.fund_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    FundHomeQueries(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Submitted applications and those under review, oldest first. */
    public List<Case> toDecide(Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return query(CASE.formatted("a.status", "cast(a.submitted_at as date)") + """
                where f.project_id in (:projects) and a.status in ('SUBMITTED', 'UNDER_REVIEW')
                order by a.submitted_at, a.id limit 8""", new MapSqlParameterSource("projects", projectIds));
    }

    /**
     * Final reports to approve (submitted) and reports due within two weeks or overdue (granted, none submitted or
     * the one returned), the earliest first.
     */
    public List<Case> reports(Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        return query(CASE.formatted("""
                case when r.status = 'SUBMITTED' then 'REPORT_SUBMITTED'
                     when a.report_due < :today then 'REPORT_OVERDUE' else 'REPORT_DUE' end""",
                "case when r.status = 'SUBMITTED' then cast(r.submitted_at as date) else a.report_due end") + """
                left join dialog_final_report r on r.application_id = a.id
                where f.project_id in (:projects) and a.status = 'GRANTED'
                  and (r.status = 'SUBMITTED' or ((r.application_id is null or r.status = 'RETURNED')
                                                  and a.report_due <= :soon))
                order by 6, a.id limit 8""", new MapSqlParameterSource("projects", projectIds)
                .addValue("today", today).addValue("soon", today.plusDays(14)));
    }

    /** Applications the user reviews that they have not scored yet. */
    public List<Case> toReview(long userId) {
        return query(CASE.formatted("a.status", "cast(a.submitted_at as date)") + """
                join dialog_fund_reviewer v on v.fund_id = f.id and v.user_id = :user
                where a.status in ('SUBMITTED', 'UNDER_REVIEW')
                  and not exists (select 1 from dialog_review r where r.application_id = a.id and r.reviewer_id = :user)
                order by a.submitted_at, a.id limit 8""", new MapSqlParameterSource("user", userId));
    }

    /** The applicant's own applications, the latest changed first. */
    public List<Case> mine(long userId) {
        return query(CASE.formatted("a.status", "coalesce(a.report_due, cast(a.submitted_at as date))") + """
                where a.owner_id = :user and a.status <> 'CARRIED_OUT'
                order by a.id desc limit 8""", new MapSqlParameterSource("user", userId));
    }

    private List<Case> query(String sql, MapSqlParameterSource params) {
        return jdbc.query(sql, params, (rs, i) -> new Case(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class)));
    }

}
