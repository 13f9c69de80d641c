package se.kompetensportal.participants.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

public interface SignUpRepository extends JpaRepository<SignUp, Long> {

    Optional<SignUp> findByActivityIdAndPersonId(long activityId, long personId);

    Optional<SignUp> findByManageToken(String manageToken);

    List<SignUp> findByPersonId(long personId);

    List<SignUp> findByActivityIdAndStatusNot(long activityId, SignUpStatus status);

    /**
     * The first on the waiting list, locked; rows other transactions hold are skipped so that two parallel
     * cancellations promote two different people.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select s from SignUp s where s.activityId = :activityId and s.status = 'WAITING' order by s.waitingSince")
    List<SignUp> lockFirstWaiting(long activityId, org.springframework.data.domain.Limit limit);

    /**
     * As {@link #lockFirstWaiting}, leaving out those who hold an open waiting-list offer (they have a seat held).
     */
    @Query(value = """
            select * from sign_up s where s.activity_id = :activityId and s.status = 'WAITING'
              and not exists (select 1 from seat_offer o where o.sign_up_id = s.id and o.status = 'OPEN')
            order by s.waiting_since limit :limit for update skip locked""", nativeQuery = true)
    List<SignUp> lockFirstWaitingWithoutOffer(long activityId, int limit);

    /** Position on the waiting list, 1 for the first. */
    @Query("""
            select count(s) from SignUp s
            where s.activityId = :activityId and s.status = 'WAITING' and s.waitingSince <= :waitingSince""")
    long waitingPosition(long activityId, long waitingSince);

    @Query("select s.status, count(s) from SignUp s where s.activityId = :activityId group by s.status")
    List<Object[]> countByStatus(long activityId);
}
