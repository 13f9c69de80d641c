package se.kompetensportal.activities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.Activity;
import se.kompetensportal.activities.domain.ActivityLevel;
import se.kompetensportal.activities.domain.ActivityRepository;
import se.kompetensportal.activities.domain.TrainerGender;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.Formats;

/**
 * Test data: activities written straight through the repository (no web request, no signed-in user), with dates
 * relative to today. Defaults: IKO, track 1, a course in 30 days from 09:00 to 16:00 in Kalmar, 20 seats, group 1a.
 */
public class ActivityFixtures {

    private final ActivityRepository activities;
    private final ProjectsApi projects;
    private final TransactionTemplate transactions;

    public ActivityFixtures(ActivityRepository activities, ProjectsApi projects, TransactionTemplate transactions) {
        this.activities = activities;
        this.projects = projects;
        this.transactions = transactions;
    }

    public Spec activity(String title) {
        return new Spec(title);
    }

    public long ikoId() {
        return projects.projectByFunderReference("2016/00175").orElseThrow().id();
    }

    public long trackId(long projectId, int position) {
        return projects.tracks(projectId).stream().filter(t -> t.position() == position).map(TrackInfo::id)
                .findFirst().orElseThrow();
    }

    public long targetGroupId(long projectId, String code) {
        return projects.targetGroups(projectId).stream().filter(g -> g.code().equals(code)).map(TargetGroupInfo::id)
                .findFirst().orElseThrow();
    }

    public static Instant at(LocalDate date, LocalTime time) {
        return date.atTime(time).atZone(Formats.ZONE).toInstant();
    }

    public final class Spec {
        private final String title;
        private Long projectId;
        private int track = 1;
        private ActivityKind kind = ActivityKind.COURSE;
        private int startInDays = 30;
        private int sessions = 1;
        private int seats = 20;
        private int seatsTaken;
        private String city = "Kalmar";
        private boolean online;
        private String description = "En kurs om bemötande.";
        private ActivityStatus status = ActivityStatus.PUBLISHED;
        private final List<String> groups = new ArrayList<>(List.of("1a"));
        private final List<TrainerGender> trainers = new ArrayList<>();
        private final List<Instant[]> explicitSessions = new ArrayList<>();

        private Spec(String title) {
            this.title = title;
        }

        public Spec project(long projectId) { this.projectId = projectId; return this; }
        public Spec track(int position) { this.track = position; return this; }
        public Spec kind(ActivityKind kind) { this.kind = kind; return this; }
        public Spec startInDays(int days) { this.startInDays = days; return this; }
        public Spec sessions(int sessions) { this.sessions = sessions; return this; }
        public Spec seats(int seats) { this.seats = seats; return this; }
        public Spec seatsTaken(int taken) { this.seatsTaken = taken; return this; }
        public Spec city(String city) { this.city = city; return this; }
        public Spec online() { this.online = true; this.city = null; return this; }
        public Spec description(String description) { this.description = description; return this; }
        public Spec status(ActivityStatus status) { this.status = status; return this; }
        public Spec groups(String... codes) { groups.clear(); groups.addAll(List.of(codes)); return this; }
        public Spec trainers(TrainerGender... genders) { trainers.addAll(List.of(genders)); return this; }

        /** A session on this date and time (Swedish time) instead of the default weekly ones; may be repeated. */
        public Spec sessionAt(LocalDate date, LocalTime start, LocalTime end) {
            explicitSessions.add(new Instant[] {at(date, start), at(date, end)});
            return this;
        }

        /** A session from one instant to another (for instance one that has started but not ended). */
        public Spec sessionBetween(Instant start, Instant end) {
            explicitSessions.add(new Instant[] {start, end});
            return this;
        }

        public long save() {
            return transactions.execute(tx -> {
                long project = projectId != null ? projectId : ikoId();
                Activity a = new Activity(project, trackId(project, track), kind, title);
                a.setDescription(description);
                a.setLevel(ActivityLevel.BASIC);
                a.setLanguage("sv");
                if (!online) {
                    a.setVenueName("Testlokalen");
                    a.setVenueAddress("Storgatan 1");
                    a.setVenueCity(city);
                }
                a.setSeats(seats);
                a.setTargetParticipants(seats);
                LocalDate first = LocalDate.now(Formats.ZONE).plusDays(startInDays);
                if (explicitSessions.isEmpty()) {
                    for (int i = 0; i < sessions; i++) {
                        a.addSession(at(first.plusWeeks(i), LocalTime.of(9, 0)), at(first.plusWeeks(i), LocalTime.of(16, 0)),
                                null, online ? "https://meet.example.se/test" : null);
                    }
                } else {
                    for (Instant[] s : explicitSessions) {
                        a.addSession(s[0], s[1], null, online ? "https://meet.example.se/test" : null);
                    }
                    first = explicitSessions.stream().map(s -> s[0]).min(Instant::compareTo).orElseThrow()
                            .atZone(Formats.ZONE).toLocalDate();
                }
                a.setRegistrationCloses(at(first.minusDays(2), LocalTime.of(12, 0)));
                a.setCancellationDeadline(at(first.minusDays(3), LocalTime.of(12, 0)));
                groups.forEach(code -> a.getTargetGroupIds().add(targetGroupId(project, code)));
                int n = 0;
                for (TrainerGender g : trainers) {
                    a.addTrainer("Utbildare " + (++n) + " " + title, "Testorg", true, g);
                }
                Instant published = at(first.minusDays(60), LocalTime.NOON);
                switch (status) {
                    case PUBLISHED -> a.publish(published);
                    case COMPLETED -> { a.publish(published); a.complete(Instant.now()); }
                    case CANCELLED -> { a.publish(published); a.cancel("Inställd i test", Instant.now()); }
                    case DRAFT -> { }
                }
                Activity saved = activities.save(a);
                if (seatsTaken > 0) {
                    activities.setSeatsTakenForDemo(saved.getId(), seatsTaken);
                }
                return saved.getId();
            });
        }
    }
}
