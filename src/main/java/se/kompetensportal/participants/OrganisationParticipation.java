package se.kompetensportal.participants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityLookup;
import se.kompetensportal.activities.ActivityLookup.ActivityHeading;

/**
 * An organisation's staff in a project, for the actor's own pages: who of the people employed by the organisation
 * (person.employer_organisation_id; people whose employer was typed as free text are not counted as its staff) signed
 * up for what, and their hours. Every method is scoped by project and organisation in its SQL; the caller decides
 * whether the current user may see that organisation. Hours follow the funder's rule: whole hours, rounded down, per
 * person and month, of attended sessions only.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationParticipation {

    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

    private final NamedParameterJdbcTemplate sql;
    private final ActivityLookup activities;

    OrganisationParticipation(NamedParameterJdbcTemplate sql, ActivityLookup activities) {
        this.sql = sql;
        this.activities = activities;
    }

    /**
     * One sign-up of one of the organisation's people to one of the project's activities.
     *
     * @param sessionsRecorded sessions whose attendance was recorded for this sign-up
     * @param sessionsAttended of those, the sessions the person attended
     * @param minutesAttended the length of the sessions attended
     */
    public record SignUpLine(long personId, String firstName, String lastName, String jobTitle, long activityId,
            String activityTitle, LocalDate firstSessionDate, SignUpStatus status, int sessionsRecorded,
            int sessionsAttended, long minutesAttended) {

        public String name() {
            return firstName + " " + lastName;
        }

        /** Hours attended with one decimal (the exact time, not the funder's monthly whole hours). */
        public BigDecimal hoursAttended() {
            return BigDecimal.valueOf(minutesAttended).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN);
        }
    }

    /** A sign-up's status as the actor sees it. Message key {@code actors.signUpStatus.<NAME>}. */
    public enum SignUpStatus {
        CONFIRMED, WAITING, CANCELLED
    }

    /** Whole hours (rounded down) one person attended in one month; erased people keep their hours, not their name. */
    public record PersonMonthHours(long personId, String firstName, String lastName, boolean erased, YearMonth month,
            long wholeHours) {
    }

    /** Attended time per activity: how many of the organisation's people attended and for how long in all. */
    public record ActivityHours(long activityId, String activityTitle, LocalDate firstSessionDate, long people,
            long minutesAttended) {

        public BigDecimal hours() {
            return BigDecimal.valueOf(minutesAttended).divide(BigDecimal.valueOf(60), 1, RoundingMode.DOWN);
        }
    }

    /**
     * How many of the organisation's people (not erased) signed up for the project's activities, how many of them
     * attended at least once, and the whole hours of all its people (per person and month, rounded down, added up).
     */
    public record Summary(long people, long attended, long wholeHours) {
    }

    public Summary summary(long projectId, long organisationId) {
        return sql.queryForObject("""
                select (select count(distinct s.person_id) from sign_up s join person p on p.id = s.person_id
                        where s.project_id = :project and p.employer_organisation_id = :organisation
                          and p.erased_at is null and p.merged_into is null) as people,
                       (select count(distinct a.person_id) from attendance a join person p on p.id = a.person_id
                        where a.project_id = :project and a.attended and p.employer_organisation_id = :organisation
                          and p.erased_at is null and p.merged_into is null) as attended,
                       (select coalesce(sum(h.hours), 0) from (
                            select floor(sum(a.minutes) / 60.0) as hours
                            from attendance a join person p on p.id = a.person_id
                            where a.project_id = :project and a.attended and p.employer_organisation_id = :organisation
                            group by a.person_id, date_trunc('month', a.session_date)) h) as hours""",
                scope(projectId, organisationId),
                (rs, i) -> new Summary(rs.getLong("people"), rs.getLong("attended"), rs.getLong("hours")));
    }

    /**
     * A page of the sign-ups of the organisation's people (not erased) in the project, by name and activity date. The
     * activities' titles and first sessions come from the activities module (which owns them) for the sign-ups' ids;
     * the database ranks the names, so the order is its collation's, as before.
     */
    public Page<SignUpLine> signUps(long projectId, long organisationId, Pageable pageable) {
        record Key(long signUpId, long activityId, long nameRank) {
        }
        List<Key> keys = sql.query("""
                select s.id, s.activity_id,
                       dense_rank() over (order by lower(p.last_name), lower(p.first_name), p.id) as name_rank
                from sign_up s
                join person p on p.id = s.person_id
                where s.project_id = :project and p.employer_organisation_id = :organisation
                  and p.erased_at is null and p.merged_into is null""", scope(projectId, organisationId),
                (rs, i) -> new Key(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        Map<Long, ActivityHeading> headings = activities.headings(keys.stream().map(Key::activityId)
                .collect(Collectors.toSet()));
        Function<Key, Instant> firstStart = k -> headings.containsKey(k.activityId())
                ? headings.get(k.activityId()).firstSessionStart() : null;
        List<Long> page = keys.stream()
                .sorted(Comparator.comparingLong(Key::nameRank)
                        .thenComparing(firstStart, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(Key::signUpId))
                .skip(pageable.getOffset()).limit(pageable.getPageSize()).map(Key::signUpId).toList();
        if (page.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, keys.size());
        }
        Map<Long, SignUpLine> lines = new HashMap<>();
        sql.query("""
                select s.id, p.id as person_id, p.first_name, p.last_name, p.job_title, s.activity_id, s.status,
                       (select count(*) from attendance a where a.sign_up_id = s.id) as recorded,
                       (select count(*) from attendance a where a.sign_up_id = s.id and a.attended) as attended,
                       (select coalesce(sum(a.minutes), 0) from attendance a where a.sign_up_id = s.id and a.attended)
                           as minutes
                from sign_up s join person p on p.id = s.person_id
                where s.id in (:ids)""", new MapSqlParameterSource("ids", page), rs -> {
            ActivityHeading activity = headings.get(rs.getLong("activity_id"));
            Instant first = activity == null ? null : activity.firstSessionStart();
            lines.put(rs.getLong("id"), new SignUpLine(rs.getLong("person_id"), rs.getString("first_name"),
                    rs.getString("last_name"), rs.getString("job_title"), rs.getLong("activity_id"),
                    activity == null ? null : activity.title(),
                    first == null ? null : first.atZone(ZONE).toLocalDate(),
                    SignUpStatus.valueOf(rs.getString("status")), rs.getInt("recorded"), rs.getInt("attended"),
                    rs.getLong("minutes")));
        });
        return new PageImpl<>(page.stream().map(lines::get).toList(), pageable, keys.size());
    }

    /** Whole hours per person and month, of the organisation's people in the project, by month and then name. */
    public List<PersonMonthHours> hoursPerPersonAndMonth(long projectId, long organisationId) {
        return sql.query("""
                select p.id, p.first_name, p.last_name, p.erased_at is not null as erased,
                       date_trunc('month', a.session_date)::date as month, floor(sum(a.minutes) / 60.0)::bigint as hours
                from attendance a join person p on p.id = a.person_id
                where a.project_id = :project and a.attended and p.employer_organisation_id = :organisation
                group by p.id, p.first_name, p.last_name, p.erased_at, month
                order by month, lower(p.last_name), lower(p.first_name), p.id""",
                scope(projectId, organisationId), (rs, i) -> new PersonMonthHours(rs.getLong("id"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getBoolean("erased"),
                        YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("hours")));
    }

    /**
     * Attended time per activity of the organisation's people in the project, by the activity's first date (then title
     * and id). The titles come from the activities module.
     */
    public List<ActivityHours> hoursPerActivity(long projectId, long organisationId) {
        List<ActivityHours> hours = sql.query("""
                select a.activity_id, min(a.session_date) as first_date, count(distinct a.person_id) as people,
                       sum(a.minutes) as minutes
                from attendance a join person p on p.id = a.person_id
                where a.project_id = :project and a.attended and p.employer_organisation_id = :organisation
                group by a.activity_id""",
                scope(projectId, organisationId), (rs, i) -> new ActivityHours(rs.getLong("activity_id"), null,
                        rs.getDate("first_date").toLocalDate(), rs.getLong("people"), rs.getLong("minutes")));
        Map<Long, ActivityHeading> headings = activities.headings(hours.stream().map(ActivityHours::activityId)
                .collect(Collectors.toSet()));
        return hours.stream()
                .map(h -> new ActivityHours(h.activityId(), headings.containsKey(h.activityId())
                        ? headings.get(h.activityId()).title() : null, h.firstSessionDate(), h.people(),
                        h.minutesAttended()))
                .sorted(Comparator.comparing(ActivityHours::firstSessionDate)
                        .thenComparing(ActivityHours::activityTitle, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparingLong(ActivityHours::activityId))
                .toList();
    }

    private static MapSqlParameterSource scope(long projectId, long organisationId) {
        return new MapSqlParameterSource("project", projectId).addValue("organisation", organisationId);
    }
}
