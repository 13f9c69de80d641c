package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.participants.PersonErased;
import se.kompetensportal.participants.PersonMerged;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.privacy.AddressHash;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.validation.PersonalIdentityNumbers;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The person register: search, the person page, showing a personal identity number (logged), merging duplicates,
 * erasing. A secretary sees the people signed up for the projects they manage; an administrator everyone.
 */
@Service
public class PersonRegisterService {

    /** Visible to the current user: administrators see all, secretaries people with a sign-up in their projects. */
    private static final String VISIBLE = """
            (:all or exists (select 1 from sign_up v where v.person_id = p.id and v.project_id in (:projects)))""";

    private final NamedParameterJdbcTemplate sql;
    private final PersonRepository people;
    private final SignUpRepository signUps;
    private final SignUpService seats;
    private final PersonalDataCipher cipher;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PersonMerges merges;

    private final SignUpQuestions questions;
    private final ApprovalStore approvals;

    PersonRegisterService(NamedParameterJdbcTemplate sql, PersonRepository people, SignUpRepository signUps,
            SignUpService seats, PersonalDataCipher cipher, AccountsApi accounts, ApplicationEventPublisher events,
            Clock clock, PersonMerges merges, SignUpQuestions questions, ApprovalStore approvals) {
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

    @Transactional(readOnly = true)
    public Page<PersonRow> search(String text, Long projectId, boolean erasureRequestsOnly, Pageable pageable) {
        MapSqlParameterSource params = scope().addValue("text", "%" + (text == null ? "" : text.strip().toLowerCase()) + "%")
                .addValue("project", projectId).addValue("requests", erasureRequestsOnly)
                .addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        String where = """
                from person p left join organisation o on o.id = p.employer_organisation_id
                where p.merged_into is null and p.erased_at is null and %s
                  and (lower(p.first_name || ' ' || p.last_name) like :text or lower(p.email) like :text
                       or lower(coalesce(o.name, p.employer_name, '')) like :text)
                  and (cast(:project as bigint) is null
                       or exists (select 1 from sign_up f where f.person_id = p.id and f.project_id = :project))
                  and (not :requests or p.erasure_requested_at is not null)""".formatted(VISIBLE);
        Long total = sql.queryForObject("select count(*) " + where, params, Long.class);
        List<PersonRow> rows = sql.query("""
                select p.id, p.first_name || ' ' || p.last_name as name, p.email, coalesce(o.name, p.employer_name) as org,
                       p.gender, (select count(*) from sign_up s where s.person_id = p.id) as sign_ups,
                       p.erasure_requested_at is not null as requested
                """ + where + " order by lower(p.last_name), lower(p.first_name), p.id limit :limit offset :offset",
                params, (rs, i) -> new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("org"), Gender.valueOf(rs.getString("gender")), rs.getInt("sign_ups"),
                        rs.getBoolean("requested")));
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
    }

    /** Unique participants of a project: people who attended at least once (persons, not seats), by gender. */
    @Transactional(readOnly = true)
    public Map<Gender, Long> uniqueParticipants(long projectId) {
        CurrentUser.requireManage(projectId);
        Map<Gender, Long> counts = new java.util.EnumMap<>(Gender.class);
        sql.query("""
                select p.gender, count(distinct p.id) from attendance a join person p on p.id = a.person_id
                where a.project_id = :project and a.attended group by p.gender""",
                new MapSqlParameterSource("project", projectId),
                rs -> {
                    counts.put(Gender.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    @Transactional(readOnly = true)
    public PersonDetails details(long personId) {
        Person p = visible(personId);
        MapSqlParameterSource params = scope().addValue("person", personId);
        List<PersonDetails.SignUpLine> lines = sql.query("""
                select s.id, s.activity_id, a.title, s.status, s.created_at from sign_up s
                join activity a on a.id = s.activity_id
                where s.person_id = :person and (:all or s.project_id in (:projects)) order by s.created_at desc""",
                params, (rs, i) -> new PersonDetails.SignUpLine(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        SignUpStatus.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()));
        List<PersonDetails.MonthHours> hours = sql.query("""
                select pr.short_name, date_trunc('month', a.session_date) as month, floor(sum(a.minutes) / 60.0)
                from attendance a join project pr on pr.id = a.project_id
                where a.person_id = :person and a.attended and (:all or a.project_id in (:projects))
                group by pr.short_name, month order by month, pr.short_name""",
                params, (rs, i) -> new PersonDetails.MonthHours(rs.getString(1),
                        YearMonth.from(rs.getDate(2).toLocalDate()), rs.getLong(3)));
        List<PersonDetails.Access> log = sql.query("""
                select u.display_name, l.at from personal_id_access l join app_user u on u.id = l.user_id
                where l.person_id = :person order by l.at desc limit 20""", params,
                (rs, i) -> new PersonDetails.Access(rs.getString(1), rs.getTimestamp(2).toInstant()));
        List<PersonRow> duplicates = sql.query("""
                select p.id, p.first_name || ' ' || p.last_name as name, p.email,
                       coalesce(o.name, p.employer_name) as org, p.gender,
                       (select count(*) from sign_up s where s.person_id = p.id) as sign_ups,
                       p.erasure_requested_at is not null as requested
                from person p left join organisation o on o.id = p.employer_organisation_id
                where p.id <> :person and p.merged_into is null and p.erased_at is null and %s
                  and ((lower(p.first_name) = lower(:first) and lower(p.last_name) = lower(:last))
                       or (p.phone is not null and p.phone = :phone))
                order by p.id limit 10""".formatted(VISIBLE),
                params.addValue("first", p.getFirstName()).addValue("last", p.getLastName())
                        .addValue("phone", p.getPhone()),
                (rs, i) -> new PersonRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
                        rs.getString("org"), Gender.valueOf(rs.getString("gender")), rs.getInt("sign_ups"),
                        rs.getBoolean("requested")));
        String organisation = sql.query("select name from organisation where id = :id",
                new MapSqlParameterSource("id", p.getEmployerOrganisationId()),
                rs -> rs.next() ? rs.getString(1) : null);
        return new PersonDetails(p.getId(), p.getFirstName(), p.getLastName(), p.getEmail(), p.getPhone(),
                organisation != null ? organisation : p.getEmployerName(), p.getJobTitle(), p.getGender(),
                p.getPersonalIdEncrypted() != null ? PersonalIdentityNumbers.mask(decrypt(p)) : null,
                p.getUserId() != null, p.getCreatedAt(), p.getErasureRequestedAt(), p.getErasedAt() != null,
                mayErase(p), lines, hours, log, duplicates);
    }

    /** Shows the whole personal identity number, and logs who looked. */
    @Transactional
    public String revealPersonalId(long personId) {
        Person p = visible(personId);
        if (p.getPersonalIdEncrypted() == null) {
            throw new NotFoundException("PersonalId", personId);
        }
        sql.update("insert into personal_id_access (id, person_id, user_id) values (nextval('personal_id_access_seq'), "
                + ":person, :user)", new MapSqlParameterSource("person", personId)
                .addValue("user", CurrentUser.require().id()));
        return decrypt(p);
    }

    /**
     * Merges a duplicate (the same person with another e-mail address) into the person kept: sign-ups and attendance
     * move over (where both were signed up for the same activity the better sign-up is kept), the duplicate is
     * emptied and points to the one kept.
     */
    @Transactional
    public void merge(long keepId, long duplicateId) {
        if (keepId == duplicateId) {
            throw new BusinessRuleException("person.merge.same");
        }
        Person keep = visible(keepId);
        Person duplicate = visible(duplicateId);
        if (!mayErase(keep) || !mayErase(duplicate)) {
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
            Long user = duplicate.getUserId();
            movedUser = user;
            duplicate.setUserId(null);
            people.flush();
            keep.setUserId(user);
        } else if (duplicate.getUserId() != null) {
            accounts.anonymise(duplicate.getUserId());
        }
        merges.record(keep, duplicate.getId(), before, new PersonMerges.Moved(movedSignUps, dropped, sessions, movedPersonalId, movedUser));
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
    public void erase(long personId) {
        Person p = visible(personId);
        if (!mayErase(p)) {
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

    private boolean mayErase(Person p) {
        PortalUser user = CurrentUser.require();
        if (user.isAdmin()) {
            return true;
        }
        return signUps.findByPersonId(p.getId()).stream().allMatch(s -> user.canManageProject(s.getProjectId()));
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

    private Person visible(long personId) {
        PortalUser user = CurrentUser.require();
        Person p = people.findById(personId).filter(Person::isActive)
                .orElseThrow(() -> new NotFoundException("Person", personId));
        if (!user.isAdmin() && signUps.findByPersonId(personId).stream()
                .noneMatch(s -> user.canManageProject(s.getProjectId()))) {
            throw new NotFoundException("Person", personId);
        }
        return p;
    }

    private MapSqlParameterSource scope() {
        PortalUser user = CurrentUser.require();
        Set<Long> projects = user.projectIds().isEmpty() ? Set.of(-1L) : user.projectIds();
        return new MapSqlParameterSource("all", user.isAdmin()).addValue("projects", projects);
    }
}
