package se.kompetensportal.newsletter.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface SubscriberRepository extends JpaRepository<Subscriber, Long> {

    @Query("select s from Subscriber s where s.projectId = :projectId and lower(s.email) = lower(:email)")
    Optional<Subscriber> findByProjectAndEmail(long projectId, String email);

    Optional<Subscriber> findByConfirmTokenHash(String hash);

    Optional<Subscriber> findByUnsubscribeToken(String token);

    @Query("select s from Subscriber s where lower(s.email) = lower(:email) and s.projectId in :projectIds")
    List<Subscriber> findByEmailInProjects(String email, Collection<Long> projectIds);

    /** The next confirmed subscribers after the cursor, in id order (a newsletter is sent in such batches). */
    @Query("""
            select s from Subscriber s where s.projectId = :projectId
              and s.status = se.kompetensportal.newsletter.domain.SubscriberStatus.CONFIRMED and s.id > :after
            order by s.id limit :limit""")
    List<Subscriber> confirmedAfter(long projectId, long after, int limit);

    @Query("select count(s) from Subscriber s where s.projectId = :projectId"
            + " and s.status = se.kompetensportal.newsletter.domain.SubscriberStatus.CONFIRMED")
    long countConfirmed(long projectId);

    @Query("select count(s) from Subscriber s where s.projectId = :projectId"
            + " and s.status = se.kompetensportal.newsletter.domain.SubscriberStatus.PENDING")
    long countPending(long projectId);

    /** Confirmed by the end of the moment, and not unsubscribed by then. */
    @Query("""
            select count(s) from Subscriber s where s.projectId = :projectId and s.consentAt < :at
              and (s.unsubscribedAt is null or s.unsubscribedAt >= :at)""")
    long countSubscribedAt(long projectId, Instant at);

    /** Erases the address and tokens of those unsubscribed before the moment. */
    @Modifying
    @Query(value = """
            update newsletter_subscriber set email = null, unsubscribe_token = null, confirm_token_hash = null,
                   confirm_expires_at = null, user_id = null, erased_at = :now, version = version + 1
            where status = 'UNSUBSCRIBED' and erased_at is null and unsubscribed_at < :before""", nativeQuery = true)
    int eraseUnsubscribedBefore(Instant before, Instant now);

    /** Deletes requests that were never confirmed and whose link ran out before the moment (no consent, no record). */
    @Modifying
    @Query(value = """
            delete from newsletter_subscriber where status = 'PENDING' and confirm_expires_at < :before""",
            nativeQuery = true)
    int deleteUnconfirmedBefore(Instant before);
}
