package se.kompetensportal.surveys.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What surveys other than course evaluations keep besides their row: the contacts of an uploaded recipient list, the
 * open links, and the invitation and reminder texts the secretary wrote.
 */
@Repository
class SurveyStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    SurveyStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // Contacts of an uploaded list

    /** A recipient who is not in the person register; name and address are {@code null} once erased. */
    record Contact(long id, String name, String email, String employerName, Locale locale) {
    }

    /** A contact to add from an uploaded list, and the organisation its employer names (if an actor). */
    record NewContact(String name, String email, String employerName, Long organisationId) {
    }

    /**
     * Adds the contacts of an uploaded list and an invitation (without a link) for each, in two batches; returns how
     * many were added.
     */
    int insertContactsWithInvitations(long evaluationId, List<NewContact> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> ids = jdbc.queryForList("select nextval('survey_seq') from generate_series(1, ?)", Long.class,
                rows.size() * 2);
        List<Object[]> contacts = new java.util.ArrayList<>();
        List<Object[]> invitations = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            NewContact row = rows.get(i);
            contacts.add(new Object[] {ids.get(i), evaluationId, row.name(), row.email(), row.employerName()});
            invitations.add(new Object[] {ids.get(rows.size() + i), evaluationId, ids.get(i), row.organisationId()});
        }
        jdbc.batchUpdate("""
                insert into survey_contact (id, evaluation_id, name, email, employer_name, locale) values (?, ?, ?, ?, ?, 'sv')""",
                contacts, new int[] {java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR});
        jdbc.batchUpdate("""
                insert into evaluation_invitation (id, evaluation_id, contact_id, organisation_id) values (?, ?, ?, ?)""",
                invitations, new int[] {java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.BIGINT,
                        java.sql.Types.BIGINT});
        return rows.size();
    }

    Map<Long, Contact> contacts(Collection<Long> ids) {
        Map<Long, Contact> contacts = new HashMap<>();
        if (ids.isEmpty()) {
            return contacts;
        }
        named.query("select id, name, email, employer_name, locale from survey_contact where id in (:ids)",
                Map.of("ids", ids), rs -> {
                    contacts.put(rs.getLong(1), new Contact(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Locale.of(rs.getString(5))));
                });
        return contacts;
    }

    /** The addresses (lower case) already on the survey's list, to refuse duplicates of an upload. */
    List<String> contactEmails(long evaluationId) {
        return jdbc.queryForList("select lower(email) from survey_contact where evaluation_id = ? and email is not null",
                String.class, evaluationId);
    }

    /** Erases the names and addresses of the uploaded recipients of every closed survey; returns how many. */
    int eraseContactsOfClosed() {
        return jdbc.update("""
                update survey_contact c set name = null, email = null, employer_name = null, erased = true
                from evaluation e where e.id = c.evaluation_id and e.status = 'CLOSED' and not c.erased""");
    }

    // Open links

    record OpenLink(long id, long evaluationId, Long organisationId, String token, String accessCode) {

        public boolean hasCode() {
            return accessCode != null;
        }
    }

    List<OpenLink> openLinks(long evaluationId) {
        return jdbc.query("select id, evaluation_id, organisation_id, token, access_code from survey_open_link "
                + "where evaluation_id = ? order by id", (rs, i) -> link(rs), evaluationId);
    }

    Optional<OpenLink> openLinkByToken(String token) {
        return jdbc.query("select id, evaluation_id, organisation_id, token, access_code from survey_open_link "
                + "where token = ?", (rs, i) -> link(rs), token).stream().findFirst();
    }

    /** Adds an open link; {@code false} when the survey already has one for the organisation (or a general one). */
    boolean insertOpenLink(long evaluationId, Long organisationId, String token, String accessCode) {
        long id = jdbc.queryForObject("select nextval('survey_seq')", Long.class);
        return jdbc.update("""
                insert into survey_open_link (id, evaluation_id, organisation_id, token, access_code) values (?, ?, ?, ?, ?)
                on conflict do nothing""", id, evaluationId, organisationId, token, accessCode) == 1;
    }

    boolean deleteOpenLink(long evaluationId, long linkId) {
        return jdbc.update("delete from survey_open_link where id = ? and evaluation_id = ?", linkId, evaluationId) == 1;
    }

    private static OpenLink link(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OpenLink(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4), rs.getString(5));
    }

    // Invitation and reminder texts

    record Message(String subject, String body) {
    }

    /** The saved texts of a survey by purpose and language ("INVITATION:sv"). */
    Map<String, Message> messages(long evaluationId) {
        Map<String, Message> messages = new HashMap<>();
        jdbc.query("select purpose, language, subject, body from survey_message where evaluation_id = ?", rs -> {
            messages.put(rs.getString(1) + ":" + rs.getString(2), new Message(rs.getString(3), rs.getString(4)));
        }, evaluationId);
        return messages;
    }

    void saveMessage(long evaluationId, String purpose, String language, String subject, String body) {
        jdbc.update("""
                insert into survey_message (evaluation_id, purpose, language, subject, body) values (?, ?, ?, ?, ?)
                on conflict (evaluation_id, purpose, language) do update set subject = excluded.subject, body = excluded.body""",
                evaluationId, purpose, language, subject, body);
    }

    void deleteMessages(long evaluationId) {
        jdbc.update("delete from survey_message where evaluation_id = ?", evaluationId);
    }
}
