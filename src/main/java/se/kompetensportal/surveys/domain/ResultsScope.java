package se.kompetensportal.surveys.domain;

import java.time.LocalDate;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What to compute results over: a project's course evaluations, or one survey ({@code evaluationId}, of any kind);
 * {@code trackId} narrows to the evaluations of a track, dates (inclusive) to when responses were given, and the
 * respondents may be narrowed to an organisation, a target group, or those who chose a track of interest.
 */
public record ResultsScope(long projectId, Long evaluationId, Long trackId, LocalDate from, LocalDate to,
        Long organisationId, Long targetGroupId, Long interestTrackId) {

    public ResultsScope(long projectId, Long evaluationId, Long trackId, LocalDate from, LocalDate to,
            Long organisationId) {
        this(projectId, evaluationId, trackId, from, to, organisationId, null, null);
    }

    /** The respondents are narrowed (to an organisation, target group or track of interest). */
    public boolean narrowed() {
        return organisationId != null || targetGroupId != null || interestTrackId != null;
    }

    /** Filters responses (alias r, evaluation e) to the scope. */
    String where(MapSqlParameterSource p) {
        StringBuilder sql = evaluations(p);
        if (targetGroupId() != null) {
            sql.append(" and r.target_group_id = :targetGroup");
            p.addValue("targetGroup", targetGroupId());
        }
        if (interestTrackId() != null) {
            sql.append(" and exists (select 1 from evaluation_answer ia join survey_question iq on iq.id = ia.question_id")
                    .append(" where ia.response_id = r.id and iq.option_source = 'TRACK'")
                    .append(" and (iq.kind <> 'RANKING' or ia.item = 1)")
                    .append(" and split_part(iq.option_ids, ',', ia.int_value)::bigint = :interestTrack)");
            p.addValue("interestTrack", interestTrackId());
        }
        if (from() != null) {
            sql.append(" and r.answered_on >= :from");
            p.addValue("from", from());
        }
        if (to() != null) {
            sql.append(" and r.answered_on <= :to");
            p.addValue("to", to());
        }
        if (organisationId() != null) {
            sql.append(" and r.organisation_id = :organisation");
            p.addValue("organisation", organisationId());
        }
        return sql.toString();
    }

    /** Filters invitations (alias i, evaluation e) to the scope; a period applies to the date the evaluation was sent. */
    String invitationWhere(MapSqlParameterSource p) {
        StringBuilder sql = evaluations(p);
        if (targetGroupId() != null) {
            sql.append(" and i.target_group_id = :targetGroup");
            p.addValue("targetGroup", targetGroupId());
        }
        if (from() != null) {
            sql.append(" and (e.sent_at at time zone 'Europe/Stockholm')::date >= :from");
            p.addValue("from", from());
        }
        if (to() != null) {
            sql.append(" and (e.sent_at at time zone 'Europe/Stockholm')::date <= :to");
            p.addValue("to", to());
        }
        if (organisationId() != null) {
            sql.append(" and i.organisation_id = :organisation");
            p.addValue("organisation", organisationId());
        }
        return sql.toString();
    }

    /** The evaluations (alias e) of the scope: the project's, one survey or the course evaluations, of a track. */
    private StringBuilder evaluations(MapSqlParameterSource p) {
        StringBuilder sql = new StringBuilder("e.project_id = :project");
        if (evaluationId() != null) {
            sql.append(" and e.id = :evaluation");
            p.addValue("evaluation", evaluationId());
        } else {
            sql.append(" and e.kind = 'COURSE_EVALUATION'");
        }
        if (trackId() != null) {
            sql.append(" and e.track_id = :track");
            p.addValue("track", trackId());
        }
        return sql;
    }
}
