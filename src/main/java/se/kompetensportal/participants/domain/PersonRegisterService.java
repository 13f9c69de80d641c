package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.participants.PersonErased;
import se.kompetensportal.participants.PersonMerged;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The person register's changes: showing a personal identity number (logged), merging duplicates, erasing. A secretary
 * acts on the people signed up for the projects they manage, an administrator on everyone ({@link PersonAccess}); the
 * search and the person page are {@link PersonRegisterQueries}.
 */
@Service
public class PersonRegisterService {

    private final NamedParameterJdbcTemplate sql;
    private final PersonRepository people;
    private final SignUpRepository signUps;
    private final SignUpService seats;
    private final PersonalDataCipher cipher;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PersonMerges merges;
    private final PersonAccess access;
    private final SignUpQuestions questions;
    private final ApprovalStore approvals;

    PersonRegisterService(NamedParameterJdbcTemplate sql, PersonRepository people, SignUpRepository signUps,
            SignUpService seats, PersonalDataCipher cipher, AccountsApi accounts, ApplicationEventPublisher events,
            Clock clock, PersonMerges merges, PersonAccess access, SignUpQuestions questions, ApprovalStore approvals) {
        this.access = access;
        this.approvals = approvals;
        this.questions = questions;
        this.merges = merges;
        this.sql = sql;
        this.people = people;
        this.signUps = signUps;
        this.seats = seats;
        this.cipher = cipher;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Shows the whole personal identity number, and logs who looked. */
    @Transactional
    public String revealPersonalId(PortalUser user, long personId) {
        Person p = access.visible(user, personId);
        if (p.getPersonalIdEncrypted() == null) {
            throw new NotFoundException("PersonalId", personId);
        }
        sql.update("insert into personal_id_access (id, person_id, user_id) values (nextval('personal_id_access_seq'), "
                + ":person, :user)", new MapSqlParameterSource("person", personId)
                .addValue("user", user.id()));
        return decrypt(p);
    }

    /**
     * Merges a duplicate (the same person with another e-mail address) into the person kept: sign-ups and attendance
     * move over (where both were signed up for the same activity the better sign-up is kept), the duplicate is
     * emptied and points to the one kept.
     */
    @Transactional
    public void merge(PortalUser user, long keepId, long duplicateId) {
        if (keepId == duplicateId) {
            throw new BusinessRuleException("person.merge.same");
        }
        Person keep = access.visible(user, keepId);
        Person duplicate = access.visible(user, duplicateId);
        if (!access.mayErase(user, keep) || !access.mayErase(user, duplicate)) {
            throw new BusinessRuleException("person.merge.otherProjects");
        }
        java.util.List<Long> movedSignUps = new java.util.ArrayList<>();
        java.util.List<Long> dropped = new java.util.ArrayList<>();
        for (SignUp theirs : signUps.findByPersonId(duplicateId)) {
            SignUp ours = signUps.findByActivityIdAndPersonId(theirs.getActivityId(), keepId).orElse(null);
            if (ours == null) {
                theirs.moveTo(keepId);
                movedSignUps.add(theirs.getId());
                continue;
            }
            // Both were signed up for the same activity: keep the better sign-up, drop the other.
            SignUp better = rank(theirs) > rank(ours) ? theirs : ours;
            SignUp worse = better == theirs ? ours : theirs;
            if (worse.getStatus() != SignUpStatus.CANCELLED) {
                seats.cancelQuietly(worse.getId());
            }
            signUps.flush();
            sql.update("update attendance set sign_up_id = :better where sign_up_id = :worse",
                    new MapSqlParameterSource("better", better.getId()).addValue("worse", worse.getId()));
            dropped.add(worse.getId());
            signUps.delete(worse);
            signUps.flush();
            if (better == theirs) {
                theirs.moveTo(keepId);
                movedSignUps.add(theirs.getId());
            }
        }
        signUps.flush();
        MapSqlParameterSource ids = new MapSqlParameterSource("keep", keepId).addValue("dup", duplicateId);
        sql.update("""
                delete from attendance d where d.person_id = :dup
                  and exists (select 1 from attendance k where k.person_id = :keep and k.session_id = d.session_id)""",
                ids);
        List<Long> sessions = sql.queryForList("select session_id from attendance where person_id = :dup", ids,
                Long.class);
        sql.update("update attendance set person_id = :keep where person_id = :dup", ids);
        java.util.Map<String, Object> before = PersonMerges.snapshot(duplicate);
        boolean movedPersonalId = false;
        Long movedUser = null;
        if (keep.getPersonalIdEncrypted() == null && duplicate.getPersonalIdEncrypted() != null) {
            movedPersonalId = true;
            String encrypted = duplicate.getPersonalIdEncrypted();
            String index = duplicate.getPersonalIdIndex();
            duplicate.setPersonalId(null, null);
            people.flush();
            keep.setPersonalId(encrypted, index);
        }
        if (keep.getUserId() == null && duplicate.getUserId() != null) {
            Long account = duplicate.getUserId();
            movedUser = account;
            duplicate.setUserId(null);
            people.flush();
            keep.setUserId(account);
        } else if (duplicate.getUserId() != null) {
            accounts.anonymise(duplicate.getUserId());
        }
        merges.record(user, keep, duplicate.getId(), before,
                new PersonMerges.Moved(movedSignUps, dropped, sessions, movedPersonalId, movedUser));
        duplicate.mergeInto(keepId, clock.instant());
        people.flush();
        events.publishEvent(new PersonMerged(keepId, duplicateId));
    }

    /**
     * Erases (pseudonymises) a person: name, contact data and personal identity number go, their account is closed;
     * gender, employer and hours stay, so statistics are unchanged. A secretary may erase only people whose every
     * sign-up belongs to projects they manage.
     */
    @Transactional
    public void erase(PortalUser user, long personId) {
        Person p = access.visible(user, personId);
        if (!access.mayErase(user, p)) {
            throw new BusinessRuleException("person.erase.otherProjects");
        }
        eraseUnchecked(p);
    }

    /** Used by the retention job as well: no scope check. */
    @Transactional
    public void eraseUnchecked(Person p) {
        Long userId = p.getUserId();
        java.util.List<String> addresses = new java.util.ArrayList<>();
        addresses.add(AddressHash.of(p.getEmail()));
        if (userId != null) {
            accounts.user(userId).ifPresent(u -> addresses.add(AddressHash.of(u.email())));
            accounts.anonymise(userId);
        }
        p.erase(clock.instant());
        people.flush();
        questions.erase(p.getId());
        approvals.erase(p.getId());
        events.publishEvent(new PersonErased(p.getId(), userId, addresses.stream().distinct().toList()));
    }

    private static int rank(SignUp s) {
        return switch (s.getStatus()) {
            case CONFIRMED, PENDING -> 2;
            case WAITING -> 1;
            case CANCELLED -> 0;
        };
    }

    private String decrypt(Person p) {
        return cipher.decrypt(p.getPersonalIdEncrypted());
    }
}
