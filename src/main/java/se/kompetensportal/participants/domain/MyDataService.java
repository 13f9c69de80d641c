package se.kompetensportal.participants.domain;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivityLookup;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.crypto.PersonalDataCipher;
import se.kompetensportal.shared.privacy.DataSubject;
import se.kompetensportal.shared.privacy.PersonalDataExport;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.validation.PersonalIdentityNumbers;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * A participant's own data (GDPR): what is stored and why, a copy to download, editing the profile, and asking for
 * erasure. The legal basis is the project owner's public task (art. 6.1 e), so data is not erased on request at once:
 * the secretary decides, since the funder requires records to be kept until the project's retention date.
 */
@Service
public class MyDataService {

    /** The export's layout, documented in {@code docs/personal-data.md}; a new version when a field changes meaning. */
    static final String LAYOUT = "kompetensportalen-my-data/1";

    private final PersonRepository people;
    private final PersonProfiles profiles;
    private final PersonalDataCipher cipher;
    private final ProjectsApi projects;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final List<PersonalDataExport> modules;
    private final AccountsApi accounts;
    private final ActivityLookup activities;

    MyDataService(PersonRepository people, PersonProfiles profiles, PersonalDataCipher cipher, ProjectsApi projects,
            JdbcTemplate jdbc, Clock clock, List<PersonalDataExport> modules, AccountsApi accounts,
            ActivityLookup activities) {
        this.activities = activities;
        this.modules = modules;
        this.accounts = accounts;
        this.people = people;
        this.profiles = profiles;
        this.cipher = cipher;
        this.projects = projects;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The rows with the activity's title and the project's name, looked up from their modules, in place of the ids
     * (the export's documented layout: {@code activity}, {@code project}).
     */
    private List<Map<String, Object>> named(List<Map<String, Object>> rows) {
        Map<Long, ActivityLookup.ActivityHeading> headings = activities.headings(rows.stream()
                .map(r -> ((Number) r.get("activityId")).longValue()).distinct().toList());
        Map<Long, String> projectNames = new java.util.HashMap<>();
        projects.projects(rows.stream().filter(r -> r.get("projectId") != null)
                .map(r -> ((Number) r.get("projectId")).longValue()).distinct().toList())
                .forEach(pr -> projectNames.put(pr.id(), pr.name()));
        return rows.stream().map(r -> {
            Map<String, Object> named = new LinkedHashMap<>();
            r.forEach((key, value) -> {
                if ("activityId".equals(key)) {
                    ActivityLookup.ActivityHeading h = headings.get(((Number) value).longValue());
                    named.put("activity", h == null ? null : h.title());
                } else if ("projectId".equals(key)) {
                    named.put("project", projectNames.get(((Number) value).longValue()));
                } else {
                    named.put(key, value);
                }
            });
            return named;
        }).toList();
    }

    public record MyData(Person person, String organisation, String maskedPersonalId, List<ProjectInfo> projects) {
    }

    @Transactional(readOnly = true)
    public Optional<MyData> myData(PortalUser user) {
        return me(user).map(p -> new MyData(p, organisation(p), p.getPersonalIdEncrypted() == null ? null
                : PersonalIdentityNumbers.mask(cipher.decrypt(p.getPersonalIdEncrypted())), projectsOf(p)));
    }

    @Transactional(readOnly = true)
    public ProfileForm profileForm(PortalUser user) {
        return ProfileForm.of(require(user));
    }

    @Transactional
    public void updateProfile(PortalUser user, ProfileForm form) {
        Person person = require(user);
        if (form.version() == null || form.version() != person.getVersion()) {
            throw new se.kompetensportal.shared.web.ConcurrentEditException("Person", person.getId());
        }
        profiles.apply(form, person);
        people.flush();
    }

    @Transactional
    public void requestErasure(PortalUser user) {
        Person person = require(user);
        if (person.getErasureRequestedAt() == null) {
            person.setErasureRequestedAt(clock.instant());
        }
    }

    /** Everything stored about the current user, as a structure to serialise (JSON). */
    @Transactional(readOnly = true)
    public Map<String, Object> export(PortalUser user) {
        Person p = require(user);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("layout", LAYOUT);
        data.put("exported", clock.instant().toString());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("email", p.getEmail());
        profile.put("firstName", p.getFirstName());
        profile.put("lastName", p.getLastName());
        profile.put("phone", p.getPhone());
        profile.put("employer", organisation(p));
        profile.put("jobTitle", p.getJobTitle());
        profile.put("gender", p.getGender().name());
        profile.put("personalIdentityNumber", p.getPersonalIdEncrypted() == null ? null
                : cipher.decrypt(p.getPersonalIdEncrypted()));
        profile.put("language", p.getLocale());
        profile.put("registered", p.getCreatedAt().toString());
        profile.put("erasureRequested", p.getErasureRequestedAt() == null ? null : p.getErasureRequestedAt().toString());
        data.put("profile", profile);
        data.put("signUps", named(jdbc.queryForList("""
                select s.activity_id as "activityId", s.project_id as "projectId", s.status,
                       s.special_needs as "specialNeeds",
                       to_char(s.created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "signedUp",
                       to_char(s.cancelled_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as cancelled
                from sign_up s
                where s.person_id = ? order by s.created_at""", p.getId())));
        data.put("signUpAnswers", named(jdbc.queryForList("""
                select s.activity_id as "activityId", q.text_sv as question, q.kind, x.answer
                from sign_up_answer x join sign_up s on s.id = x.sign_up_id
                join sign_up_question q on q.id = x.question_id
                where s.person_id = ? order by s.created_at, q.position""", p.getId())));
        data.put("managerApprovals", named(jdbc.queryForList("""
                select s.activity_id as "activityId", m.manager_email as manager, m.status,
                       to_char(m.requested_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as asked,
                       to_char(m.answered_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as answered
                from manager_approval m join sign_up s on s.id = m.sign_up_id
                where s.person_id = ? order by m.requested_at""", p.getId())));
        data.put("attendance", named(jdbc.queryForList("""
                select t.activity_id as "activityId", to_char(t.session_date, 'YYYY-MM-DD') as date, t.minutes,
                       t.attended
                from attendance t
                where t.person_id = ? order by t.session_date""", p.getId())));
        data.put("personalIdentityNumberViewedBy", jdbc.queryForList("""
                select to_char(l.at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as at
                from personal_id_access l where l.person_id = ? order by l.at""", p.getId()));
        DataSubject subject = subject(p);
        modules.stream().sorted(java.util.Comparator.comparing(PersonalDataExport::section))
                .forEach(m -> data.put(m.section(), m.export(subject)));
        return data;
    }

    /** Who the person is to the other modules: their entries (merged duplicates too), account and addresses. */
    private DataSubject subject(Person p) {
        List<Long> ids = new java.util.ArrayList<>(List.of(p.getId()));
        ids.addAll(jdbc.queryForList("select id from person where merged_into = ?", Long.class, p.getId()));
        List<String> emails = new java.util.ArrayList<>(List.of(p.getEmail()));
        if (p.getUserId() != null) {
            accounts.user(p.getUserId()).ifPresent(u -> emails.add(u.email()));
        }
        return new DataSubject(ids, p.getUserId(), emails);
    }

    private List<ProjectInfo> projectsOf(Person p) {
        List<Long> ids = jdbc.queryForList("select distinct project_id from sign_up where person_id = ?", Long.class,
                p.getId());
        return projects.projects(ids);
    }

    private String organisation(Person p) {
        return p.getEmployerOrganisationId() == null ? p.getEmployerName()
                : projects.organisation(p.getEmployerOrganisationId()).map(o -> o.name()).orElse(p.getEmployerName());
    }

    private Optional<Person> me(PortalUser user) {
        return people.findByUserId(user.id());
    }

    private Person require(PortalUser user) {
        return me(user).orElseThrow(() -> new NotFoundException("Person", "me"));
    }
}
