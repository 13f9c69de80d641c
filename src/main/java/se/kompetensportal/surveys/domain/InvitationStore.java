package se.kompetensportal.surveys.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The invitations of evaluations and surveys (who is asked, whether they answered) and the links in their mails. */
@Repository
class InvitationStore {

    private final JdbcTemplate jdbc;

    InvitationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a recipient's invitation without a link (the link is made when the mail goes out); {@code null} when the
     * person or contact already has one.
     */
    Long addRecipient(long evaluationId, Long personId, Long contactId, Long organisationId, Long targetGroupId) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        int n = jdbc.update("""
                insert into evaluation_invitation (id, evaluation_id, person_id, contact_id, organisation_id, target_group_id)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                id, evaluationId, personId, contactId, organisationId, targetGroupId);
        return n == 1 ? id : null;
    }

    /** Adds a link to an invitation (its mail's or a reminder's). */
    void addLink(long invitationId, String tokenHash) {
        jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)", tokenHash, invitationId);
    }

    /** A recipient of a survey as the mails need them: the person of the register, or the uploaded contact. */
    record Recipient(long invitationId, Long personId, Long contactId, Long organisationId, Long targetGroupId,
            boolean answered, boolean mailed) {
    }

    private static final String RECIPIENT = """
            select i.id, i.person_id, i.contact_id, i.organisation_id, i.target_group_id, i.answered,
                   exists (select 1 from evaluation_link l where l.invitation_id = i.id)
            from evaluation_invitation i where i.evaluation_id = ?""";

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        return new Recipient(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3), (Long) rs.getObject(4),
                (Long) rs.getObject(5), rs.getBoolean(6), rs.getBoolean(7));
    }

    /** Every recipient of the survey, in the order they were added. */
    List<Recipient> recipients(long evaluationId) {
        return jdbc.query(RECIPIENT + " order by i.id", InvitationStore::recipient, evaluationId);
    }

    /** Recipients who have not had their invitation mail yet. */
    List<Recipient> unmailed(long evaluationId) {
        return jdbc.query(RECIPIENT + " and not exists (select 1 from evaluation_link l where l.invitation_id = i.id) order by i.id",
                InvitationStore::recipient, evaluationId);
    }

    /** Recipients who had their invitation and have not answered (for reminders). */
    List<Recipient> waiting(long evaluationId) {
        return jdbc.query(RECIPIENT + " and not i.answered and exists (select 1 from evaluation_link l where l.invitation_id = i.id)"
                + " order by i.id", InvitationStore::recipient, evaluationId);
    }

    /** Removes a recipient who has not answered; {@code true} when removed. */
    boolean removeRecipient(long evaluationId, long invitationId) {
        return jdbc.update("delete from evaluation_invitation where id = ? and evaluation_id = ? and not answered",
                invitationId, evaluationId) == 1;
    }

    /** Adds an invitation unless the person already has one for this evaluation; {@code true} when added. */
    boolean invite(long evaluationId, long personId, String tokenHash, Long organisationId) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        boolean added = jdbc.update("""
                insert into evaluation_invitation (id, evaluation_id, person_id, organisation_id)
                values (?, ?, ?, ?) on conflict (evaluation_id, person_id) do nothing""",
                id, evaluationId, personId, organisationId) == 1;
        if (added) {
            jdbc.update("insert into evaluation_link (token_hash, invitation_id) values (?, ?)", tokenHash, id);
        }
        return added;
    }

    /** Who has not answered, as person ids (for reminders). */
    List<Long> notAnswered(long evaluationId) {
        return jdbc.queryForList("select person_id from evaluation_invitation where evaluation_id = ? and not answered order by id",
                Long.class, evaluationId);
    }

    record Invitation(long id, long evaluationId, Long organisationId, boolean answered, Long targetGroupId) {
    }

    Optional<Invitation> invitationByHash(String tokenHash) {
        return jdbc.query("""
                select i.id, i.evaluation_id, i.organisation_id, i.answered, i.target_group_id
                from evaluation_link l join evaluation_invitation i on i.id = l.invitation_id where l.token_hash = ?""",
                (rs, i) -> new Invitation(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getBoolean(4),
                        (Long) rs.getObject(5)),
                tokenHash).stream().findFirst();
    }

    /** Adds a link to a not yet answered invitation (a reminder carries a fresh one, as only hashes are kept). */
    void addLink(long evaluationId, long personId, String tokenHash) {
        jdbc.update("""
                insert into evaluation_link (token_hash, invitation_id)
                select ?, id from evaluation_invitation where evaluation_id = ? and person_id = ? and not answered""",
                tokenHash, evaluationId, personId);
    }

    /**
     * Marks the invitation answered if it was not: the one statement that makes a link work once, also for two
     * submits at the same moment (the second waits for the first's row lock and then changes nothing).
     */
    boolean markAnswered(long invitationId) {
        return jdbc.update("update evaluation_invitation set answered = true where id = ? and not answered", invitationId) == 1;
    }
}
