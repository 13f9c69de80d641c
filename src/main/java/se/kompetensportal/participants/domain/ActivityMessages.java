package se.kompetensportal.participants.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.notifications.DeliveryCounts;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * Messages from the secretary to an activity's participants (those with a seat, those waiting, those who attended, or
 * all): one mail per person through the outbox, with the placeholders of {@link MessageText} filled in per person, all
 * queued in the transaction that records the message and its recipients. The log of an activity's messages and how
 * their mails are doing (from the outbox, by the dedup key {@code activity-message:<id>:<sign-up>}) is kept here.
 */
@Service
public class ActivityMessages {

    private static final String RECIPIENTS = """
            select s.id, s.manage_token, p.email, p.first_name, p.last_name, p.locale
            from sign_up s join person p on p.id = s.person_id
            where s.activity_id = ? and p.email is not null and p.erased_at is null and %s
            order by lower(p.last_name), lower(p.first_name), s.id""";

    private final ActivitiesApi activities;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final PortalProperties portal;
    private final Clock clock;

    ActivityMessages(ActivitiesApi activities, Outbox outbox, JdbcTemplate jdbc, PortalProperties portal, Clock clock) {
        this.activities = activities;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.portal = portal;
        this.clock = clock;
    }

    public record Recipient(long signUpId, String manageToken, String email, String firstName, String lastName,
            String locale) {
        public String name() {
            return firstName + " " + lastName;
        }
    }

    public record Sent(long id, MessageAudience audience, String subject, String body, String sentBy, Instant sentAt,
            int recipients, DeliveryCounts deliveries) {
        public int percentDelivered() {
            return recipients == 0 ? 100 : (int) Math.min(100, deliveries.sent() * 100 / recipients);
        }

        public boolean inProgress() {
            return deliveries.pending() > 0;
        }
    }

    /** The form's preview: the number of recipients per audience, and the text as the first recipient gets it. */
    public record Preview(int recipients, String subject, String body) {
    }

    @Transactional(readOnly = true)
    public ActivityInfo activity(PortalUser user, long activityId) {
        return managed(user, activityId);
    }

    /** How many each audience would reach now. */
    @Transactional(readOnly = true)
    public Map<MessageAudience, Integer> audienceSizes(PortalUser user, long activityId) {
        managed(user, activityId);
        Map<MessageAudience, Integer> sizes = new java.util.EnumMap<>(MessageAudience.class);
        for (MessageAudience audience : MessageAudience.values()) {
            sizes.put(audience, recipients(activityId, audience).size());
        }
        return sizes;
    }

    /** The messages sent about the activity, newest first. */
    @Transactional(readOnly = true)
    public List<Sent> log(PortalUser user, long activityId) {
        managed(user, activityId);
        return jdbc.query("""
                select id, audience, subject, body, sent_by, sent_at, recipients from activity_message
                where activity_id = ? order by sent_at desc, id desc limit 100""", (rs, i) -> sent(rs), activityId);
    }

    @Transactional(readOnly = true)
    public Sent message(PortalUser user, long activityId, long messageId) {
        managed(user, activityId);
        return jdbc.query("""
                select id, audience, subject, body, sent_by, sent_at, recipients from activity_message
                where id = ? and activity_id = ?""", (rs, i) -> sent(rs), messageId, activityId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("ActivityMessage", messageId));
    }

    /** To whom the message went (those since erased are no longer listed). */
    @Transactional(readOnly = true)
    public List<Recipient> recipientsOf(PortalUser user, long activityId, long messageId) {
        message(user, activityId, messageId);
        return jdbc.query("""
                select s.id, s.manage_token, p.email, p.first_name, p.last_name, p.locale
                from activity_message_recipient r join sign_up s on s.id = r.sign_up_id
                join person p on p.id = s.person_id
                where r.message_id = ? order by lower(p.last_name), lower(p.first_name), s.id""",
                (rs, i) -> recipient(rs), messageId);
    }

    @Transactional(readOnly = true)
    public Preview preview(PortalUser user, long activityId, MessageForm form) {
        ActivityInfo activity = managed(user, activityId);
        check(form);
        List<Recipient> to = recipients(activityId, form.audience());
        Recipient first = to.isEmpty() ? null : to.getFirst();
        Map<String, String> values = values(activity, first);
        return new Preview(to.size(), MessageText.fill(form.subject().strip(), values),
                MessageText.fill(form.body().strip(), values));
    }

    /** Records the message and queues one mail per recipient; returns the message's id. */
    @Transactional
    public long send(PortalUser user, long activityId, MessageForm form) {
        ActivityInfo activity = managed(user, activityId);
        check(form);
        List<Recipient> to = recipients(activityId, form.audience());
        if (to.isEmpty()) {
            throw new FieldRejectedException("audience", "message.noRecipients");
        }
        long id = jdbc.queryForObject("select nextval('activity_message_seq')", Long.class);
        jdbc.update("""
                insert into activity_message (id, activity_id, project_id, audience, subject, body, sent_by, sent_at,
                                              recipients) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, activityId, activity.projectId(), form.audience().name(), form.subject().strip(), form.body().strip(),
                user.displayName(), Timestamp.from(clock.instant()), to.size());
        jdbc.batchUpdate("insert into activity_message_recipient (message_id, sign_up_id) values (?, ?)", to, 500,
                (ps, r) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, r.signUpId());
                });
        List<OutgoingMail> mails = new ArrayList<>(to.size());
        for (Recipient r : to) {
            Map<String, String> values = values(activity, r);
            mails.add(OutgoingMail.to(r.email(), Locale.of(r.locale() == null ? "sv" : r.locale()))
                    .template("participants/message")
                    .subject("mail.activityMessage.subject", MessageText.fill(form.subject().strip(), values))
                    .variable("title", activity.title())
                    .variable("text", MessageText.fill(form.body().strip(), values))
                    .variable("activityLink", portal.link(activity.path()))
                    .variable("manageLink", values.get("manageLink"))
                    .project(activity.projectId())
                    .category("participants.message")
                    .dedupKey(dedupPrefix(id) + r.signUpId())
                    .build());
        }
        outbox.enqueueAll(mails);
        return id;
    }

    static String dedupPrefix(long messageId) {
        return "activity-message:" + messageId + ":";
    }

    private void check(MessageForm form) {
        if (MessageText.unknownPlaceholder(form.subject()) != null) {
            throw new FieldRejectedException("subject", "message.unknownPlaceholder",
                    MessageText.unknownPlaceholder(form.subject()));
        }
        if (MessageText.unknownPlaceholder(form.body()) != null) {
            throw new FieldRejectedException("body", "message.unknownPlaceholder",
                    MessageText.unknownPlaceholder(form.body()));
        }
    }

    private Map<String, String> values(ActivityInfo activity, Recipient r) {
        Map<String, String> values = new java.util.HashMap<>();
        values.put("activity", activity.title());
        if (activity.firstSessionStart() != null) {
            values.put("firstSession", new Formats().dateTime(activity.firstSessionStart()));
        }
        if (r != null) {
            values.put("name", r.firstName());
            values.put("manageLink", portal.link("/sign-ups/" + r.manageToken()));
        }
        return values;
    }

    List<Recipient> recipients(long activityId, MessageAudience audience) {
        return jdbc.query(RECIPIENTS.formatted(audience.where()), (rs, i) -> recipient(rs), activityId);
    }

    private static Recipient recipient(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Recipient(rs.getLong("id"), rs.getString("manage_token"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("locale"));
    }

    private Sent sent(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        return new Sent(id, MessageAudience.valueOf(rs.getString("audience")), rs.getString("subject"),
                rs.getString("body"), rs.getString("sent_by"), rs.getTimestamp("sent_at").toInstant(),
                rs.getInt("recipients"), outbox.deliveries(dedupPrefix(id)));
    }

    private ActivityInfo managed(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        user.requireManage(activity.projectId());
        return activity;
    }
}
