package se.kompetensportal.surveys.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.RateLimiter;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * Interest registration: a visitor or participant asks to hear when an activity they want opens (the next run of a
 * full or past activity, or anything in a track or for a target group). When a matching activity is published they
 * get one mail, and their name and address are erased. The project's staff see and can remove registrations; the
 * demand view counts them.
 */
@Service
@Transactional(readOnly = true)
public class InterestService {

    /** What the public form offers for a project (or for the next run of one activity). */
    public record FormOptions(ProjectInfo project, ActivityInfo activity, boolean activityOpen, List<TrackInfo> tracks,
            List<TargetGroupInfo> targetGroups, List<OrganisationInfo> actors) {
    }

    public record StaffRow(long id, String name, String email, String what, String organisation, LocalDate registeredOn,
            LocalDate notifiedOn, boolean erased) {
    }

    private static final Formats FORMATS = new Formats();

    /** Registrations allowed from one client address in an hour. */
    static final int PER_ADDRESS_PER_HOUR = 20;

    private final InterestStore store;
    private final ProjectsApi projects;
    private final ActivitiesApi activities;
    private final Outbox outbox;
    private final PortalProperties portal;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    InterestService(InterestStore store, ProjectsApi projects, ActivitiesApi activities, Outbox outbox,
            PortalProperties portal, RateLimiter rateLimiter, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.activities = activities;
        this.outbox = outbox;
        this.portal = portal;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** Projects a visitor may register interest in. */
    public List<ProjectInfo> projects() {
        return projects.projects();
    }

    /** The form's choices: for the next run of an activity, or a project's tracks and target groups. */
    public FormOptions options(Long projectId, Long activityId) {
        ActivityInfo activity = null;
        long project;
        if (activityId != null) {
            activity = activities.activity(activityId)
                    .filter(a -> a.status() == ActivityStatus.PUBLISHED || a.status() == ActivityStatus.COMPLETED)
                    .orElseThrow(() -> new NotFoundException("Activity", activityId));
            project = activity.projectId();
        } else if (projectId != null) {
            project = projectId;
        } else {
            throw new NotFoundException("Project", "none");
        }
        ProjectInfo info = projects.project(project).orElseThrow(() -> new NotFoundException("Project", project));
        boolean open = activity != null && activity.isOpenForSignUp(clock.instant());
        return new FormOptions(info, activity, open, projects.tracks(project), projects.targetGroups(project),
                projects.actors(project));
    }

    /**
     * Registers the interest unless the same address already waits for the same thing (then nothing changes and the
     * person is told the same). Throws for choices that do not belong to the project.
     */
    @Transactional
    public void register(InterestForm form, String clientAddress, Locale locale) {
        FormOptions options = options(form.projectId(), form.activityId());
        long projectId = options.project().id();
        Long track = null;
        Long group = null;
        if (options.activity() == null) {
            track = form.trackId();
            group = form.targetGroupId();
            if (track == null && group == null) {
                throw new FieldRejectedException("trackId", "interest.error.chooseSomething");
            }
            if (track != null && options.tracks().stream().noneMatch(t -> t.id() == form.trackId())) {
                throw new FieldRejectedException("trackId", "interest.error.notInProject");
            }
            if (group != null && options.targetGroups().stream().noneMatch(g -> g.id() == form.targetGroupId())) {
                throw new FieldRejectedException("targetGroupId", "interest.error.notInProject");
            }
        } else if (options.activityOpen()) {
            throw new BusinessRuleException("interest.error.activityOpen");
        }
        if (form.organisationId() != null && options.actors().stream().noneMatch(o -> o.id() == form.organisationId())) {
            throw new FieldRejectedException("organisationId", "interest.error.notInProject");
        }
        if (rateLimiter.hit("interest:" + clientAddress, PER_ADDRESS_PER_HOUR, Duration.ofHours(1))) {
            throw new BusinessRuleException("interest.error.tooMany");
        }
        store.insert(projectId, track, group, options.activity() == null ? null : options.activity().id(),
                form.organisationId(), form.name().strip(), form.email().strip(),
                "en".equals(locale.getLanguage()) ? "en" : "sv", today());
    }

    /**
     * When an activity is published, everyone waiting for something it matches gets one mail (per address): those
     * interested in its track (and, if they named one, a target group it is for), in one of its target groups, or in the
     * next run of an activity of the same project with the same title. Returns how many mails were queued.
     */
    @Transactional
    public int activityPublished(long activityId) {
        ActivityInfo activity = activities.activity(activityId).orElse(null);
        if (activity == null || activity.status() != ActivityStatus.PUBLISHED) {
            return 0;
        }
        List<InterestStore.Pending> pending = store.pending(activity.projectId());
        Map<Long, String> titles = activities.activities(pending.stream().map(InterestStore.Pending::activityId)
                        .filter(id -> id != null && id != activityId).distinct().toList()).stream()
                .collect(Collectors.toMap(ActivityInfo::id, ActivityInfo::title));
        String title = normalise(activity.title());
        Map<String, InterestStore.Claimed> byAddress = new LinkedHashMap<>();
        for (InterestStore.Pending p : pending) {
            boolean matches = p.activityId() != null
                    ? titles.containsKey(p.activityId()) && normalise(titles.get(p.activityId())).equals(title)
                    : (p.trackId() == null || p.trackId() == activity.trackId())
                            && (p.targetGroupId() == null || activity.targetGroupIds().contains(p.targetGroupId()));
            if (!matches) {
                continue;
            }
            Optional<InterestStore.Claimed> claimed = store.claim(p.id(), today(), activityId);
            claimed.ifPresent(c -> byAddress.putIfAbsent(c.email().toLowerCase(Locale.ROOT), c));
        }
        ProjectInfo project = projects.project(activity.projectId()).orElseThrow();
        for (InterestStore.Claimed c : byAddress.values()) {
            outbox.enqueue(OutgoingMail.to(c.email(), c.locale())
                    .template("surveys/interest")
                    .subject("mail.interest.subject", activity.title())
                    .variable("name", c.name())
                    .variable("title", activity.title())
                    .variable("project", project.name())
                    .variable("start", activity.firstSessionStart() == null ? ""
                            : FORMATS.dateTime(activity.firstSessionStart()))
                    .variable("activityLink", portal.link(activity.path()))
                    .project(activity.projectId())
                    .category("surveys.interest")
                    .dedupKey("interest:" + activityId + ":" + c.email().toLowerCase(Locale.ROOT))
                    .build());
        }
        return byAddress.size();
    }

    private static String normalise(String title) {
        return title == null ? "" : title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    // The staff's list

    public List<StaffRow> registrations(PortalUser user, long projectId, Locale locale) {
        Access.requireManage(user, projectId);
        Map<Long, String> tracks = projects.tracks(projectId).stream()
                .collect(Collectors.toMap(TrackInfo::id, t -> t.position() + ". " + t.name()));
        Map<Long, String> groups = projects.targetGroups(projectId).stream()
                .collect(Collectors.toMap(TargetGroupInfo::id, TargetGroupInfo::label));
        Map<Long, String> actors = projects.actors(projectId).stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        List<InterestStore.Row> rows = store.ofProject(projectId);
        Map<Long, String> activityTitles = new HashMap<>();
        activities.activities(rows.stream().map(InterestStore.Row::activityId).filter(id -> id != null).distinct().toList())
                .forEach(a -> activityTitles.put(a.id(), a.title()));
        return rows.stream().map(r -> new StaffRow(r.id(), r.name(), r.email(),
                r.activityId() != null ? activityTitles.getOrDefault(r.activityId(), "")
                        : String.join(" · ", java.util.stream.Stream.of(
                                r.trackId() == null ? null : tracks.get(r.trackId()),
                                r.targetGroupId() == null ? null : groups.get(r.targetGroupId()))
                                .filter(s -> s != null).toList()),
                r.organisationId() == null ? null : actors.get(r.organisationId()), r.registeredOn(), r.notifiedOn(),
                r.erased())).toList();
    }

    @Transactional
    public void delete(PortalUser user, long projectId, long registrationId) {
        Access.requireManage(user, projectId);
        if (!store.delete(projectId, registrationId)) {
            throw new NotFoundException("InterestRegistration", registrationId);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    Instant now() {
        return clock.instant();
    }
}
