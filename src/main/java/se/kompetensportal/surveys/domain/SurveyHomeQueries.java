package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * What the start page shows from surveys: the secretary's evaluations and surveys closing within a week, and the
 * participant's evaluations still to answer, which open through a fresh single-use link of their own invitation.
 */
@Service
public class SurveyHomeQueries {

    /** An open survey: where it is administered (or answered), its title and closing day. */
    public record OpenSurvey(long id, String title, LocalDate closesOn, String path, long invited, long answered) {
    }

    private static final int CLOSING_WITHIN_DAYS = 7;

    private final NamedParameterJdbcTemplate jdbc;
    private final ActivitiesApi activities;
    private final ParticipantContacts people;
    private final EvaluationStore evaluations;
    private final InvitationStore invitationStore;
    private final Clock clock;

    SurveyHomeQueries(NamedParameterJdbcTemplate jdbc, ActivitiesApi activities, ParticipantContacts people,
            EvaluationStore evaluations, InvitationStore invitationStore, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.people = people;
        this.evaluations = evaluations;
        this.invitationStore = invitationStore;
        this.clock = clock;
    }

    /** Open evaluations and surveys of these projects that close within a week, first closing first. */
    @Transactional(readOnly = true)
    public List<OpenSurvey> closing(Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        List<Object[]> rows = jdbc.query("""
                select e.id, e.kind, e.activity_id, e.title_sv, e.closes_on,
                       (select count(*) from evaluation_invitation i where i.evaluation_id = e.id),
                       (select count(*) from evaluation_invitation i where i.evaluation_id = e.id and i.answered)
                from evaluation e
                where e.status = 'OPEN' and e.project_id in (:projects) and e.closes_on <= :until
                order by e.closes_on, e.id limit 8""",
                new MapSqlParameterSource("projects", projectIds).addValue("until", today.plusDays(CLOSING_WITHIN_DAYS)),
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getLong(6), rs.getLong(7)});
        Map<Long, String> titles = titles(rows);
        return rows.stream().map(r -> {
            boolean course = SurveyKind.COURSE_EVALUATION.name().equals(r[1]);
            String title = course ? titles.getOrDefault((Long) r[2], "") : (String) r[3];
            return new OpenSurvey((long) r[0], title, (LocalDate) r[4],
                    (course ? "/admin/evaluations/" : "/admin/surveys/") + r[0], (long) r[5], (long) r[6]);
        }).toList();
    }

    /** The signed-in participant's open course evaluations not yet answered (path: their own answer link). */
    @Transactional(readOnly = true)
    public List<OpenSurvey> toAnswer(PortalUser user) {
        Optional<Long> person = people.personOfUser(Access.require(user).id());
        if (person.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = jdbc.query("""
                select i.id, e.kind, e.activity_id, e.title_sv, e.closes_on
                from evaluation_invitation i join evaluation e on e.id = i.evaluation_id
                where i.person_id = :person and not i.answered and e.status = 'OPEN'
                order by e.closes_on, i.id limit 8""", Map.of("person", person.get()),
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)});
        Map<Long, String> titles = titles(rows);
        return rows.stream().map(r -> new OpenSurvey((long) r[0],
                r[2] != null ? titles.getOrDefault((Long) r[2], "") : (String) r[3], (LocalDate) r[4],
                "/my/evaluations/" + r[0], 0, 0)).toList();
    }

    /**
     * A new single-use link to the signed-in participant's own open, unanswered invitation; 404 for anyone else's or
     * one already answered or closed.
     */
    @Transactional
    public String answerLink(PortalUser user, long invitationId) {
        long person = people.personOfUser(Access.require(user).id())
                .orElseThrow(() -> new NotFoundException("Invitation", invitationId));
        boolean mine = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from evaluation_invitation i join evaluation e on e.id = i.evaluation_id
                               where i.id = :id and i.person_id = :person and not i.answered and e.status = 'OPEN')""",
                Map.of("id", invitationId, "person", person), Boolean.class));
        if (!mine) {
            throw new NotFoundException("Invitation", invitationId);
        }
        String token = Tokens.newToken();
        invitationStore.addLink(invitationId, Tokens.hash(token));
        return "/evaluations/answer/" + token;
    }

    private Map<Long, String> titles(List<Object[]> rows) {
        List<Long> ids = rows.stream().map(r -> (Long) r[2]).filter(java.util.Objects::nonNull).toList();
        return ids.isEmpty() ? Map.of() : activities.activities(ids).stream()
                .collect(java.util.stream.Collectors.toMap(ActivityInfo::id, ActivityInfo::title));
    }
}
