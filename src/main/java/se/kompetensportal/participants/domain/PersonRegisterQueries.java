package se.kompetensportal.participants.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivityLookup;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.projects.ProjectLookup;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.validation.PersonalIdentityNumbers;

/**
 * What the person register shows: the search, unique participants per project and the person page. Reads the
 * participants' own tables; employers, activity titles, project names and who looked come from the owning modules in
 * one batch call each ({@link PersonRows} for the rows of people).
 */
@Service
@Transactional(readOnly = true)
public class PersonRegisterQueries {

    private final NamedParameterJdbcTemplate sql;
    private final PersonAccess access;
    private final PersonRows rows;
    private final PersonalDataCipher cipher;
    private final AccountsApi accounts;
    private final ActivityLookup activities;
    private final ProjectLookup projects;

    PersonRegisterQueries(NamedParameterJdbcTemplate sql, PersonAccess access, PersonRows rows,
            PersonalDataCipher cipher, AccountsApi accounts, ActivityLookup activities, ProjectLookup projects) {
        this.sql = sql;
        this.access = access;
        this.rows = rows;
        this.cipher = cipher;
        this.accounts = accounts;
        this.activities = activities;
        this.projects = projects;
    }

    /** People whose name, e-mail address or employer contains the text, by last and first name, a page at a time. */
    public Page<PersonRow> search(PortalUser user, String text, Long projectId, boolean erasureRequestsOnly,
            Pageable pageable) {
        String like = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
        List<Long> employers = projects.organisationIdsNamedLike(like);
        MapSqlParameterSource params = PersonAccess.scope(user).addValue("text", like)
                .addValue("employers", employers.isEmpty() ? List.of(-1L) : employers)
                .addValue("project", projectId).addValue("requests", erasureRequestsOnly)
                .addValue("limit", pageable.getPageSize()).addValue("offset", pageable.getOffset());
        // The employer's name is the organisation's where the person has one (it always exists: a foreign key),
        // else the name the person typed.
        String where = """
                from person p
                where p.merged_into is null and p.erased_at is null and %s
                  and (lower(p.first_name || ' ' || p.last_name) like :text or lower(p.email) like :text
                       or p.employer_organisation_id in (:employers)
                       or (p.employer_organisation_id is null and lower(coalesce(p.employer_name, '')) like :text))
                  and (cast(:project as bigint) is null
                       or exists (select 1 from sign_up f where f.person_id = p.id and f.project_id = :project))
                  and (not :requests or p.erasure_requested_at is not null)""".formatted(PersonAccess.VISIBLE);
        Long total = sql.queryForObject("select count(*) " + where, params, Long.class);
        List<PersonRow> page = rows.query(PersonRows.COLUMNS + where
                + " order by lower(p.last_name), lower(p.first_name), p.id limit :limit offset :offset", params);
        return new PageImpl<>(page, pageable, total == null ? 0 : total);
    }

    /** Unique participants of a project: people who attended at least once (persons, not seats), by gender. */
    public Map<Gender, Long> uniqueParticipants(PortalUser user, long projectId) {
        user.requireManage(projectId);
        Map<Gender, Long> counts = new EnumMap<>(Gender.class);
        sql.query("""
                select p.gender, count(distinct p.id) from attendance a join person p on p.id = a.person_id
                where a.project_id = :project and a.attended group by p.gender""",
                new MapSqlParameterSource("project", projectId),
                rs -> {
                    counts.put(Gender.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** The person page; 404 for a person the user may not see. */
    public PersonDetails details(PortalUser user, long personId) {
        Person p = access.visible(user, personId);
        MapSqlParameterSource params = PersonAccess.scope(user).addValue("person", personId);
        List<PersonRow> duplicates = rows.query(PersonRows.COLUMNS + """
                from person p
                where p.id <> :person and p.merged_into is null and p.erased_at is null and %s
                  and ((lower(p.first_name) = lower(:first) and lower(p.last_name) = lower(:last))
                       or (p.phone is not null and p.phone = :phone))
                order by p.id limit 10""".formatted(PersonAccess.VISIBLE),
                new MapSqlParameterSource(params.getValues()).addValue("first", p.getFirstName())
                        .addValue("last", p.getLastName()).addValue("phone", p.getPhone()));
        String organisation = p.getEmployerOrganisationId() == null ? null
                : projects.organisationNames(List.of(p.getEmployerOrganisationId())).get(p.getEmployerOrganisationId());
        return new PersonDetails(p.getId(), p.getFirstName(), p.getLastName(), p.getEmail(), p.getPhone(),
                organisation != null ? organisation : p.getEmployerName(), p.getJobTitle(), p.getGender(),
                p.getPersonalIdEncrypted() != null
                        ? PersonalIdentityNumbers.mask(cipher.decrypt(p.getPersonalIdEncrypted())) : null,
                p.getUserId() != null, p.getCreatedAt(), p.getErasureRequestedAt(), p.getErasedAt() != null,
                access.mayErase(user, p), signUps(params), hours(params), accessLog(params), duplicates);
    }

    /** The person's sign-ups in the user's projects, newest first, with the activity's title. */
    private List<PersonDetails.SignUpLine> signUps(MapSqlParameterSource params) {
        record Line(long id, long activityId, SignUpStatus status, java.time.Instant createdAt) {
        }
        List<Line> lines = sql.query("""
                select s.id, s.activity_id, s.status, s.created_at from sign_up s
                where s.person_id = :person and (:all or s.project_id in (:projects)) order by s.created_at desc""",
                params, (rs, i) -> new Line(rs.getLong(1), rs.getLong(2), SignUpStatus.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()));
        var headings = activities.headings(lines.stream().map(Line::activityId).distinct().toList());
        return lines.stream().filter(l -> headings.containsKey(l.activityId()))
                .map(l -> new PersonDetails.SignUpLine(l.id(), l.activityId(), headings.get(l.activityId()).title(),
                        l.status(), l.createdAt()))
                .toList();
    }

    /**
     * Whole hours attended per project name and month (minutes summed per name and month, then rounded down), by month
     * and then the project's short name in the database's order.
     */
    private List<PersonDetails.MonthHours> hours(MapSqlParameterSource params) {
        record Minutes(long projectId, java.time.YearMonth month, long minutes) {
        }
        List<Minutes> minutes = sql.query("""
                select a.project_id, date_trunc('month', a.session_date) as month, sum(a.minutes)
                from attendance a
                where a.person_id = :person and a.attended and (:all or a.project_id in (:projects))
                group by a.project_id, month""",
                params, (rs, i) -> new Minutes(rs.getLong(1), java.time.YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getLong(3)));
        Map<Long, String> names = projects.shortNamesInOrder(minutes.stream().map(Minutes::projectId).distinct().toList());
        List<String> nameOrder = names.values().stream().distinct().toList();
        record Key(String project, java.time.YearMonth month) {
        }
        Map<Key, Long> sums = new LinkedHashMap<>();
        for (Minutes m : minutes) {
            String name = names.get(m.projectId());
            if (name != null) {
                sums.merge(new Key(name, m.month()), m.minutes(), Long::sum);
            }
        }
        List<PersonDetails.MonthHours> hours = new ArrayList<>();
        sums.forEach((key, sum) -> hours.add(new PersonDetails.MonthHours(key.project(), key.month(),
                Math.floorDiv(sum, 60))));
        hours.sort(Comparator.comparing(PersonDetails.MonthHours::month)
                .thenComparingInt(h -> nameOrder.indexOf(h.project())));
        return hours;
    }

    /** The last twenty views of the person's personal identity number, newest first, with who looked. */
    private List<PersonDetails.Access> accessLog(MapSqlParameterSource params) {
        record View(long userId, java.time.Instant at) {
        }
        List<View> views = sql.query("""
                select l.user_id, l.at from personal_id_access l
                where l.person_id = :person order by l.at desc limit 20""", params,
                (rs, i) -> new View(rs.getLong(1), rs.getTimestamp(2).toInstant()));
        Map<Long, String> who = new LinkedHashMap<>();
        accounts.users(views.stream().map(View::userId).distinct().toList())
                .forEach(u -> who.put(u.id(), u.displayName()));
        return views.stream().filter(v -> who.containsKey(v.userId()))
                .map(v -> new PersonDetails.Access(who.get(v.userId()), v.at())).toList();
    }
}
