package se.kompetensportal.participants.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityDataLoads;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.participants.Gender;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.shared.crypto.PersonalDataCipher;

import static se.kompetensportal.participants.demo.DemoPeople.MEN;
import static se.kompetensportal.participants.demo.DemoPeople.SURNAMES;
import static se.kompetensportal.participants.demo.DemoPeople.TITLES;
import static se.kompetensportal.participants.demo.DemoPeople.WOMEN;
import static se.kompetensportal.participants.demo.DemoPeople.fictitiousPersonalId;

/**
 * Demo participants: about a hundred fictitious people of IKO's actors, signed up for the demo activities (some upcoming
 * ones filled up, with a waiting list), with attendance recorded for the past ones; and the demo participant
 * deltagare@kompetensportal.example with an upcoming sign-up and a completed course (so "Mina aktiviteter" and the
 * certificate have something to show). Written straight to the tables, without mails; the seats taken on each activity
 * are set to match the sign-ups at the end. Loaded once.
 */
@Component
@Order(40)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class ParticipantsDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ParticipantsDemoData.class);

    private final JdbcTemplate jdbc;
    private final ActivitiesApi activities;
    private final ActivityDataLoads dataLoads;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    ParticipantsDemoData(JdbcTemplate jdbc, ActivitiesApi activities, ActivityDataLoads dataLoads, ProjectsApi projects,
            AccountsApi accounts, PersonalDataCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.activities = activities;
        this.dataLoads = dataLoads;
        this.projects = projects;
        this.accounts = accounts;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from person)", Boolean.class))) {
            return;
        }
        ProjectInfo iko = projects.projectByFunderReference("2016/00175").orElse(null);
        if (iko == null) {
            return;
        }
        Random random = new Random(2016_00175L);
        List<OrganisationInfo> actors = projects.actors(iko.id());
        List<TargetGroupInfo> groups = projects.targetGroups(iko.id());
        List<Long> people = new ArrayList<>();
        // Enough people for IKO's plan (675 in three years) to be on track two thirds of the way through.
        for (int i = 0; i < 450; i++) {
            people.add(person(i, random, actors));
        }
        long dana = demoParticipant(actors);
        Instant now = clock.instant();
        int signUps = signUps(iko, people, groups, random, now);
        // Mobilisering Kalmar län's dialogue meetings and focus groups draw on the same people of the county.
        ProjectInfo mobilisering = projects.projectByFunderReference("2022/00157").orElse(null);
        if (mobilisering != null) {
            signUps += signUps(mobilisering, people, projects.targetGroups(mobilisering.id()), random, now);
        }
        danasActivities(dana, iko, now, groups);
        // The activity owns the count of seats taken: make it match the confirmed sign-ups just written.
        java.util.Map<Long, Integer> confirmed = new java.util.HashMap<>();
        jdbc.query("select activity_id, count(*) from sign_up where status = 'CONFIRMED' group by activity_id",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> confirmed.put(rs.getLong(1), rs.getInt(2)));
        java.util.Map<Long, Integer> taken = new java.util.HashMap<>();
        for (ProjectInfo project : mobilisering == null ? List.of(iko) : List.of(iko, mobilisering)) {
            activities.activitiesOfProject(project.id())
                    .forEach(a -> taken.put(a.id(), confirmed.getOrDefault(a.id(), 0)));
        }
        dataLoads.setSeatsTaken(taken);
        log.info("Demo participants loaded: {} people, {} sign-ups", people.size() + 1, signUps);
    }

    private int signUps(ProjectInfo project, List<Long> people, List<TargetGroupInfo> groups, Random random,
            Instant now) {
        int index = 0;
        int signUps = 0;
        for (ActivityInfo activity : activities.activitiesOfProject(project.id())) {
            if (activity.status() == ActivityStatus.DRAFT) {
                continue;
            }
            boolean past = activity.lastSessionEnd() != null && activity.lastSessionEnd().isBefore(now);
            boolean fill = !past && activity.status() == ActivityStatus.PUBLISHED && index++ % 3 == 0;
            // The first full activity has had a cancellation: a free seat while three wait (the secretary's queue).
            int confirmed = fill ? activity.seats() - (index == 1 ? 1 : 0)
                    : Math.min(activity.seats(), (int) (activity.seats() * (past ? 0.8 : 0.3 + random.nextDouble() * 0.3)));
            int waiting = fill ? 3 : 0;
            List<Long> chosen = new ArrayList<>(people);
            java.util.Collections.shuffle(chosen, random);
            List<SessionInfo> sessions = activities.sessions(activity.id());
            for (int i = 0; i < Math.min(chosen.size(), confirmed + waiting); i++) {
                boolean seat = i < confirmed;
                String status = activity.status() == ActivityStatus.CANCELLED ? "CANCELLED" : seat ? "CONFIRMED" : "WAITING";
                long signUp = signUp(activity, chosen.get(i), status, groups.get(random.nextInt(groups.size())).id());
                signUps++;
                if (past && seat && activity.status() == ActivityStatus.COMPLETED) {
                    for (SessionInfo s : sessions) {
                        attendance(activity, s, chosen.get(i), signUp, random.nextDouble() < 0.87);
                    }
                }
            }
        }
        return signUps;
    }

    private long person(int i, Random random, List<OrganisationInfo> actors) {
        double g = random.nextDouble();
        Gender gender = g < 0.6 ? Gender.WOMAN : g < 0.97 ? Gender.MAN : Gender.OTHER;
        String first = gender == Gender.MAN ? MEN[random.nextInt(MEN.length)] : WOMEN[random.nextInt(WOMEN.length)];
        String last = SURNAMES[random.nextInt(SURNAMES.length)];
        OrganisationInfo employer = random.nextDouble() < 0.9 ? actors.get(random.nextInt(actors.size())) : null;
        String email = (first + "." + last + "." + i).toLowerCase().replace('å', 'a').replace('ä', 'a')
                .replace('ö', 'o') + "@exempel.invalid";
        long id = nextId("person_seq");
        String personalId = i % 3 == 0 ? fictitiousPersonalId(random) : null;
        jdbc.update("""
                insert into person (id, email, first_name, last_name, phone, employer_organisation_id, employer_name,
                                    job_title, gender, personal_id_encrypted, personal_id_index)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id, email, first, last, "0480-" + (400000 + random.nextInt(99999)),
                employer == null ? null : employer.id(), employer == null ? "Studieförbundet Vuxenskolan" : null,
                TITLES[random.nextInt(TITLES.length)], gender.name(),
                personalId == null ? null : cipher.encrypt(personalId),
                personalId == null ? null : cipher.blindIndex(personalId));
        return id;
    }

    private long demoParticipant(List<OrganisationInfo> actors) {
        long userId = accounts.userByEmail("deltagare@kompetensportal.example").map(u -> u.id()).orElseThrow();
        long id = nextId("person_seq");
        Long kalmar = actors.stream().filter(o -> o.name().equals("Kalmar kommun")).map(OrganisationInfo::id)
                .findFirst().orElse(null);
        String personalId = "19850615-1235";
        jdbc.update("""
                insert into person (id, user_id, email, first_name, last_name, employer_organisation_id, job_title,
                                    gender, personal_id_encrypted, personal_id_index)
                values (?, ?, 'deltagare@kompetensportal.example', 'Dana', 'Deltagare', ?, 'Socialsekreterare',
                        'WOMAN', ?, ?)""",
                id, userId, kalmar, cipher.encrypt(personalId), cipher.blindIndex(personalId));
        return id;
    }

    /**
     * Dana: a completed course she attended (certificate), the latest completed activity of last month (so "Min tid"
     * has a month for her to confirm), and an upcoming activity with a seat.
     */
    private void danasActivities(long dana, ProjectInfo iko, Instant now, List<TargetGroupInfo> groups) {
        List<ActivityInfo> all = activities.activitiesOfProject(iko.id());
        all.stream().filter(a -> a.status() == ActivityStatus.COMPLETED).findFirst().ifPresent(a -> {
            long signUp = signUp(a, dana, "CONFIRMED", groups.getFirst().id());
            activities.sessions(a.id()).forEach(s -> attendance(a, s, dana, signUp, true));
        });
        java.time.YearMonth lastMonth = java.time.YearMonth.now(clock.withZone(se.kompetensportal.shared.web.Formats.ZONE))
                .minusMonths(1);
        all.stream().filter(a -> a.status() == ActivityStatus.COMPLETED && a.firstSessionStart() != null
                        && java.time.YearMonth.from(a.firstSessionStart().atZone(se.kompetensportal.shared.web.Formats.ZONE))
                                .equals(lastMonth))
                .reduce((first, second) -> second).ifPresent(a -> {
                    long signUp = signUp(a, dana, "CONFIRMED", groups.getFirst().id());
                    activities.sessions(a.id()).forEach(s -> attendance(a, s, dana, signUp, true));
                });
        all.stream().filter(a -> a.status() == ActivityStatus.PUBLISHED && a.firstSessionStart() != null
                        && a.firstSessionStart().isAfter(now) && confirmed(a.id()) < a.seats())
                .findFirst().ifPresent(a -> signUp(a, dana, "CONFIRMED", groups.getFirst().id()));
    }

    private long signUp(ActivityInfo activity, long person, String status, long targetGroup) {
        long id = nextId("sign_up_seq");
        Long waitingSince = status.equals("WAITING") ? nextId("waiting_list_seq") : null;
        byte[] token = new byte[32];
        new java.security.SecureRandom().nextBytes(token);
        jdbc.update("""
                insert into sign_up (id, activity_id, project_id, person_id, status, waiting_since, target_group_id,
                                     manage_token, confirmed_at, cancelled_at, cancelled_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (activity_id, person_id) do nothing""",
                id, activity.id(), activity.projectId(), person, status, waitingSince, targetGroup,
                java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token),
                status.equals("CONFIRMED") ? java.sql.Timestamp.from(clock.instant()) : null,
                status.equals("CANCELLED") ? java.sql.Timestamp.from(clock.instant()) : null,
                status.equals("CANCELLED") ? "ACTIVITY" : null);
        return id;
    }

    private void attendance(ActivityInfo activity, SessionInfo session, long person, long signUp, boolean came) {
        jdbc.update("""
                insert into attendance (session_id, person_id, sign_up_id, activity_id, project_id, track_id,
                                        session_date, minutes, attended)
                select ?, ?, ?, ?, ?, ?, ?, ?, ? where exists (select 1 from sign_up where id = ?)
                on conflict do nothing""",
                session.id(), person, signUp, activity.id(), activity.projectId(), activity.trackId(), session.date(),
                session.hours().multiply(BigDecimal.valueOf(60)).intValue(), came, signUp);
    }

    private int confirmed(long activityId) {
        return jdbc.queryForObject("select count(*) from sign_up where activity_id = ? and status = 'CONFIRMED'",
                Integer.class, activityId);
    }

    private long nextId(String sequence) {
        return jdbc.queryForObject("select nextval('" + sequence + "')", Long.class);
    }
}
