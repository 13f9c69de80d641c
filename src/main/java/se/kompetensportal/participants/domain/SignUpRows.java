package se.kompetensportal.participants.domain;

/** The query behind the secretary's sign-up list and its exports ({@link SignUpAdminService}, {@link SignUpExports}). */
final class SignUpRows {

    /**
     * An activity's sign-ups with their attendance; takes the activity's id twice. The attendance is aggregated once
     * for the activity (by its index) and a waiting place is counted by a window over the activity's sign-ups, so the
     * query is one pass however many rows it returns (the 100 000-row export, docs/benchmarks.md).
     */
    static final String ROWS = """
            with att as (
                select a.sign_up_id, count(*) filter (where a.attended) as attended, count(*) as recorded,
                       coalesce(sum(a.minutes) filter (where a.attended), 0) as minutes
                from attendance a where a.activity_id = ? group by a.sign_up_id)
            select s.id, p.id as person_id, p.first_name, p.last_name, p.email, p.phone,
                   p.employer_organisation_id, p.employer_name, p.job_title, p.gender,
                   s.target_group_id, s.special_needs, s.status, s.created_at,
                   case when s.status = 'WAITING' then
                       count(*) over (partition by s.status order by s.waiting_since) else 0 end as position,
                   coalesce(att.attended, 0) as attended, coalesce(att.recorded, 0) as recorded,
                   coalesce(att.minutes, 0) as minutes
            from sign_up s
            join person p on p.id = s.person_id
            left join att on att.sign_up_id = s.id
            where s.activity_id = ?""";

    /** As {@link #ROWS}, in the order of the list: seats, waiting list by place, cancelled; by last name within. */
    static final String ORDERED = ROWS + " order by s.status, position, lower(p.last_name), p.id";

    private SignUpRows() {
    }
}
