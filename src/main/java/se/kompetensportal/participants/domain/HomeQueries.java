package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.shared.web.Formats;

/** What the start page shows from this module: the secretary's open attendance and waiting lists with free seats. */
@Service
@Transactional(readOnly = true)
public class HomeQueries {

    /** A session of this week, up to today, for which no attendance is recorded. */
    public record MissingAttendance(long activityId, long sessionId, String title, LocalDate date) {
    }

    /** A published activity with free seats while people wait. */
    public record WaitingWithSeats(long activityId, String title, int seatsLeft, long waiting) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ActivitiesApi activities;
    private final Clock clock;

    HomeQueries(NamedParameterJdbcTemplate jdbc, ActivitiesApi activities, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.clock = clock;
    }

    /** Sessions from Monday of this week up to today of the projects' published activities, without attendance. */
    public List<MissingAttendance> missingAttendance(Collection<Long> projectIds) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        Instant from = monday.atStartOfDay(Formats.ZONE).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(Formats.ZONE).toInstant();
        List<MissingAttendance> missing = new ArrayList<>();
        List<ActivityInfo> candidates = published(projectIds).stream()
                .filter(a -> a.firstSessionStart() != null && a.firstSessionStart().isBefore(to)
                        && a.lastSessionEnd() != null && a.lastSessionEnd().isAfter(from))
                .toList();
        if (candidates.isEmpty()) {
            return missing;
        }
        Set<Long> recorded = new HashSet<>(jdbc.queryForList(
                "select distinct session_id from attendance where activity_id in (:ids)",
                new MapSqlParameterSource("ids", candidates.stream().map(ActivityInfo::id).toList()), Long.class));
        for (ActivityInfo a : candidates) {
            for (SessionInfo s : activities.sessions(a.id())) {
                if (!s.date().isBefore(monday) && !s.date().isAfter(today) && !recorded.contains(s.id())) {
                    missing.add(new MissingAttendance(a.id(), s.id(), a.title(), s.date()));
                }
            }
        }
        missing.sort(Comparator.comparing(MissingAttendance::date));
        return missing;
    }

    /** Published activities, not yet begun, with a free seat and someone on the waiting list. */
    public List<WaitingWithSeats> waitingWithSeats(Collection<Long> projectIds) {
        Instant now = clock.instant();
        List<ActivityInfo> open = published(projectIds).stream()
                .filter(a -> a.seatsLeft() > 0 && a.firstSessionStart() != null && a.firstSessionStart().isAfter(now))
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> waiting = new java.util.HashMap<>();
        jdbc.query("select activity_id, count(*) from sign_up where status = 'WAITING' and activity_id in (:ids) "
                        + "group by activity_id",
                new MapSqlParameterSource("ids", open.stream().map(ActivityInfo::id).toList()),
                rs -> {
                    waiting.put(rs.getLong(1), rs.getLong(2));
                });
        return open.stream().filter(a -> waiting.containsKey(a.id()))
                .map(a -> new WaitingWithSeats(a.id(), a.title(), a.seatsLeft(), waiting.get(a.id()))).toList();
    }

    private List<ActivityInfo> published(Collection<Long> projectIds) {
        return projectIds.stream().flatMap(p -> activities.activitiesOfProject(p).stream())
                .filter(a -> a.status() == ActivityStatus.PUBLISHED).toList();
    }
}
