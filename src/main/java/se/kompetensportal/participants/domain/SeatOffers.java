package se.kompetensportal.participants.domain;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivityInfo;

/**
 * Waiting-list offers (optional per activity, {@code sign_up_settings.offer_hours}): a freed seat is held for the first
 * person waiting, who may take it within the hours given, by the link in the offer mail. An OPEN offer holds one seat
 * of the activity (counted in its seats taken), so nobody else can take it meanwhile; a sign-up has one open offer at
 * most (a unique index). Every method here runs under the activity's seat lock, in the caller's transaction.
 */
@Component
class SeatOffers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final ParticipantMails mails;
    private final Clock clock;

    SeatOffers(JdbcTemplate jdbc, ParticipantMails mails, Clock clock) {
        this.jdbc = jdbc;
        this.mails = mails;
        this.clock = clock;
    }

    record Offer(long id, long signUpId, long activityId, String token, String status, Instant offeredAt,
            Instant expiresAt) {
        boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** The hours an offer of this activity is held, or {@code null} when it makes no offers (a seat goes at once). */
    Integer offerHours(long activityId) {
        List<Integer> hours = jdbc.queryForList("select offer_hours from sign_up_settings where activity_id = ?",
                Integer.class, activityId);
        return hours.isEmpty() ? null : hours.getFirst();
    }

    /**
     * Offers the held seat to a waiting person and mails them the link, never past the activity's first session;
     * {@code false} (nothing offered) once the first session has begun: there is no time left to answer.
     */
    boolean offer(SignUp signUp, ActivityInfo activity, int hours) {
        Instant now = clock.instant();
        if (activity.firstSessionStart() != null && !activity.firstSessionStart().isAfter(now)) {
            return false;
        }
        Instant expires = now.plus(Duration.ofHours(hours));
        if (activity.firstSessionStart() != null && expires.isAfter(activity.firstSessionStart())) {
            expires = activity.firstSessionStart();
        }
        long id = jdbc.queryForObject("select nextval('seat_offer_seq')", Long.class);
        String token = newToken();
        jdbc.update("""
                insert into seat_offer (id, sign_up_id, activity_id, token, status, offered_at, expires_at)
                values (?, ?, ?, ?, 'OPEN', ?, ?)""", id, signUp.getId(), activity.id(), token, Timestamp.from(now),
                Timestamp.from(expires));
        mails.offer(signUp, activity, id, token, expires);
        return true;
    }

    Optional<Offer> byToken(String token) {
        return jdbc.query("select * from seat_offer where token = ?", (rs, i) -> offer(rs), token).stream().findFirst();
    }

    Optional<Offer> openOf(long signUpId) {
        return jdbc.query("select * from seat_offer where sign_up_id = ? and status = 'OPEN'", (rs, i) -> offer(rs),
                signUpId).stream().findFirst();
    }

    /** Closes the sign-up's open offer with the status given; whether there was one (and so a seat held for it). */
    boolean close(long signUpId, String status) {
        return jdbc.update("update seat_offer set status = ?, answered_at = ? where sign_up_id = ? and status = 'OPEN'",
                status, Timestamp.from(clock.instant()), signUpId) > 0;
    }

    /** Closes every open offer of an activity (it was cancelled). */
    void closeAll(long activityId) {
        jdbc.update("update seat_offer set status = 'WITHDRAWN', answered_at = ? where activity_id = ? and status = 'OPEN'",
                Timestamp.from(clock.instant()), activityId);
    }

    /** Open offers whose time has run out, oldest first. */
    List<Long> due() {
        return jdbc.queryForList("select id from seat_offer where status = 'OPEN' and expires_at <= ? order by expires_at",
                Long.class, Timestamp.from(clock.instant()));
    }

    Optional<Offer> byId(long id) {
        return jdbc.query("select * from seat_offer where id = ?", (rs, i) -> offer(rs), id).stream().findFirst();
    }

    int openCount(long activityId) {
        Integer n = jdbc.queryForObject("select count(*) from seat_offer where activity_id = ? and status = 'OPEN'",
                Integer.class, activityId);
        return n == null ? 0 : n;
    }

    private static Offer offer(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Offer(rs.getLong("id"), rs.getLong("sign_up_id"), rs.getLong("activity_id"), rs.getString("token"),
                rs.getString("status"), rs.getTimestamp("offered_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
