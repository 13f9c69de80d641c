package se.kompetensportal.activities.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.activities.demo.DemoCatalogue.D;
import se.kompetensportal.activities.demo.DemoCatalogue.T;
import se.kompetensportal.activities.domain.Activity;
import se.kompetensportal.activities.domain.ActivityTrainer;
import se.kompetensportal.activities.domain.ActivityLevel;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.Formats;

import static se.kompetensportal.activities.ActivityKind.ADVANCED_COURSE;
import static se.kompetensportal.activities.ActivityKind.COURSE;
import static se.kompetensportal.activities.demo.DemoCatalogue.IKO;
import static se.kompetensportal.activities.demo.DemoCatalogue.LFI;
import static se.kompetensportal.activities.demo.DemoCatalogue.MOBILISERING;
import static se.kompetensportal.activities.demo.DemoCatalogue.SOFIA;
import static se.kompetensportal.activities.demo.DemoCatalogue.description;

/**
 * Demo activities: about forty in IKO's five tracks and every kind, a few in LFI's competence areas and Mobilisering
 * Kalmar län's dialogue meetings, focus groups and workshops. Their dates are relative to today (the clock), like the
 * projects' periods, so that there are both past activities (completed, one cancelled) and upcoming ones to sign up
 * for, all inside their project's period.
 * Seats are taken by the participants module's demo data, with real sign-ups (some activities are filled up). One
 * workshop is today, taught by Sofia Wermelin, whose trainer records are linked to the demo trainer account
 * (utbildare@…), so /trainer has a session to record.
 * Loaded once; a later start finds IKO's activities and leaves them alone.
 */
@Component
@Order(30)
@ConditionalOnBooleanProperty("kp.demo.enabled")
class ActivitiesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ActivitiesDemoData.class);

    /** The demo trainer's account: Sofia Wermelin records the attendance of the activities she teaches. */
    static final String TRAINER_EMAIL = "utbildare@kompetensportal.example";

    private final ActivityRepository activities;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;

    ActivitiesDemoData(ActivityRepository activities, ProjectsApi projects, AccountsApi accounts, Clock clock) {
        this.activities = activities;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        ProjectInfo iko = projects.projectByFunderReference("2016/00175").orElse(null);
        if (iko != null && !activities.existsByProjectId(iko.id())) {
            load(iko, IKO);
            projects.projects().stream().filter(p -> p.shortName().equals("LFI")).findFirst()
                    .ifPresent(lfi -> load(lfi, LFI));
            log.info("Demo activities loaded: {} in IKO, {} in LFI", IKO.size(), LFI.size());
        }
        projects.projectByFunderReference("2022/00157").filter(m -> !activities.existsByProjectId(m.id()))
                .ifPresent(m -> {
                    load(m, MOBILISERING);
                    log.info("Demo activities loaded: {} in Mobilisering Kalmar län", MOBILISERING.size());
                });
    }

    private void load(ProjectInfo project, List<D> demo) {
        Map<Integer, Long> tracks = projects.tracks(project.id()).stream()
                .collect(Collectors.toMap(TrackInfo::position, TrackInfo::id));
        Map<String, Long> groups = projects.targetGroups(project.id()).stream()
                .collect(Collectors.toMap(TargetGroupInfo::code, TargetGroupInfo::id));
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        // History is spread over the project's time behind us (IKO began on 1 January last year): what lies more than
        // two months back is stretched so that the oldest activity falls in the project's first weeks.
        long behind = project.startDate() == null ? 0 : java.time.temporal.ChronoUnit.DAYS.between(project.startDate(), today);
        double stretch = Math.max(1.0, (behind - 80) / 270.0);
        Long sofia = accounts.userByEmail(TRAINER_EMAIL).map(UserSummary::id).orElse(null);
        for (D d : demo) {
            Activity a = new Activity(project.id(), tracks.get(d.track()), d.kind(), d.title());
            a.setDescription(description(d));
            a.setLevel(d.kind() == ADVANCED_COURSE ? ActivityLevel.ADVANCED
                    : d.kind() == COURSE ? ActivityLevel.BASIC : ActivityLevel.OPEN);
            a.setLanguage("sv");
            if (d.venue() != null) {
                a.setVenueName(d.venue().name());
                a.setVenueAddress(d.venue().address());
                a.setVenueCity(d.venue().city());
                a.setStepFreeAccess(d.venue().stepFree());
                a.setHearingLoop(d.venue().loop());
                a.setAccessibilityNotes(d.venue().stepFree() ? "Parkering för rörelsehindrade finns vid entrén." : null);
            }
            a.setSeats(d.seats());
            a.setTargetParticipants(Math.max(1, d.seats() * 4 / 5));
            LocalDate first = today.plusDays(day(d.day(), stretch));
            LocalTime start = d.hours() >= 7 ? LocalTime.of(9, 0) : LocalTime.of(13, 0);
            LocalTime end = start.plusMinutes((long) (d.hours() * 60));
            for (int i = 0; i < d.sessions(); i++) {
                LocalDate date = first.plusWeeks(2L * i);
                a.addSession(at(date, start), at(date, end), null,
                        d.venue() == null ? "https://meet.example.se/iko-" + Math.abs(d.title().hashCode() % 10000) : null);
            }
            a.setRegistrationOpens(d.day() % 2 == 0 ? at(first.minusDays(60), LocalTime.of(8, 0)) : null);
            a.setRegistrationCloses(at(first.minusDays(3), LocalTime.of(12, 0)));
            a.setCancellationDeadline(at(first.minusDays(5), LocalTime.of(12, 0)));
            Arrays.stream(d.groups().split(" ")).map(groups::get)
                    .filter(java.util.Objects::nonNull).forEach(a.getTargetGroupIds()::add);
            for (T t : d.trainers()) {
                ActivityTrainer trainer = a.addTrainer(t.name(), t.organisation(), t.external(), t.gender());
                if (t == SOFIA) {
                    trainer.linkAccount(sofia);
                }
            }
            if (!d.state().equals("draft")) {
                a.publish(at(first.minusDays(70), LocalTime.of(10, 0)));
            }
            switch (d.state()) {
                case "completed" -> a.complete(now);
                case "cancelled" -> a.cancel("För få anmälda. Aktiviteten planeras in igen under nästa termin.", now);
                default -> { }
            }
            activities.save(a);
        }
    }

    /** Days from today: as given within two months, further back stretched (see {@code load}). */
    private static long day(int day, double stretch) {
        return day >= -60 ? day : Math.round(-60 + (day + 60) * stretch);
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(Formats.ZONE).toInstant();
    }
}
