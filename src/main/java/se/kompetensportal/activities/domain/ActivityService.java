package se.kompetensportal.activities.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitySeatsChanged;
import se.kompetensportal.activities.ActivityTrackChanged;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The project staff's work on an activity itself: the form's options, create, edit, copy, and the activity's page
 * (the list is {@link ActivityListService}, trainers {@link ActivityTrainers}, status {@link ActivityLifecycle}). Administrators see every project's activities; a secretary those of the projects they manage.
 * Activity dates are not checked against the project's period (demo data and late additions fall outside it); the
 * activity's page points it out instead.
 */
@Service
public class ActivityService {

    private final ActivityRepository activities;
    private final ActivityTrainerRepository trainers;
    private final ProjectsApi projects;
    private final ActivityViews views;
    private final ApplicationEventPublisher events;
    private final ScheduleAnnouncer announcer;
    private final ManagedActivities managed;

    ActivityService(ActivityRepository activities, ActivityTrainerRepository trainers, ProjectsApi projects,
            ActivityViews views, ApplicationEventPublisher events, ScheduleAnnouncer announcer,
            ManagedActivities managed) {
        this.activities = activities;
        this.trainers = trainers;
        this.projects = projects;
        this.views = views;
        this.events = events;
        this.announcer = announcer;
        this.managed = managed;
    }

    // create and edit ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ActivityFormOptions formOptions(PortalUser user, long projectId) {
        user.requireManage(projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        return new ActivityFormOptions(project, projects.tracks(projectId), projects.targetGroups(projectId));
    }

    /** The form's options for an existing activity (its own project, whatever the submitted form claims). */
    @Transactional(readOnly = true)
    public ActivityFormOptions formOptionsForActivity(PortalUser user, long activityId) {
        return formOptions(user, managed.find(user, activityId).getProjectId());
    }

    @Transactional
    public long create(PortalUser user, ActivityForm form) {
        long projectId = form.projectId();
        user.requireManage(projectId);
        projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        checkTrackAndTargetGroups(projectId, form);
        Activity activity = new Activity(projectId, form.trackId(), form.kind(), form.title().strip());
        form.applyTo(activity);
        activity.addSession(Times.instant(form.sessionDate(), form.sessionStart()),
                Times.instant(form.sessionDate(), form.sessionEnd()), ActivityForm.blankToNull(form.sessionPlace()),
                ActivityForm.blankToNull(form.sessionOnlineUrl()));
        return activities.save(activity).getId();
    }

    @Transactional(readOnly = true)
    public ActivityForm editForm(PortalUser user, long activityId) {
        Activity activity = managed.find(user, activityId);
        ManagedActivities.requireEditable(activity);
        return ActivityForm.of(activity);
    }

    @Transactional
    public void update(PortalUser user, long activityId, ActivityForm form) {
        update(user, activityId, form, false);
    }

    /**
     * Saves the activity's form; when the venue of a published activity changed and {@code announce} is set, the
     * participants are told ({@link ScheduleAnnouncer}).
     */
    @Transactional
    public void update(PortalUser user, long activityId, ActivityForm form, boolean announce) {
        Activity activity = managed.find(user, activityId);
        String venueBefore = Activity.venueLine(activity.getVenueName(), activity.getVenueAddress(),
                activity.getVenueCity());
        if (form.version() == null || form.version() != activity.getVersion()) {
            throw new ConcurrentEditException("Activity", activityId);
        }
        ManagedActivities.requireEditable(activity);
        checkTrackAndTargetGroups(activity.getProjectId(), form);
        if (form.seats() < activity.getSeatsTaken()) {
            throw new FieldRejectedException("seats", "activity.seats.belowTaken", activity.getSeatsTaken());
        }
        checkRegistrationAgainstSessions(Times.instant(form.registrationCloses()),
                Times.instant(form.cancellationDeadline()), activity.getFirstStart());
        int seatsBefore = activity.getSeats();
        long trackBefore = activity.getTrackId();
        form.applyTo(activity);
        try {
            activities.flush();
        } catch (DataIntegrityViolationException e) {
            // A seat was reserved between our check and the update: the CHECK (seats_taken <= seats) refused it.
            throw new FieldRejectedException("seats", "activity.seats.belowTaken",
                    activities.currentSeatsTaken(activityId).orElse(activity.getSeatsTaken()));
        }
        if (activity.getSeats() > seatsBefore) {
            events.publishEvent(new ActivitySeatsChanged(activityId, activity.getSeats()));
        }
        if (activity.getTrackId() != trackBefore) {
            events.publishEvent(new ActivityTrackChanged(activityId, activity.getProjectId(), activity.getTrackId()));
        }
        if (!java.util.Objects.equals(venueBefore, Activity.venueLine(activity.getVenueName(),
                activity.getVenueAddress(), activity.getVenueCity()))) {
            announcer.changed(activity, se.kompetensportal.activities.ActivityScheduleChanged.Change.VENUE_CHANGED,
                    announce, List.of());
        }
    }

    /** A copy of the form of an activity, to repeat it: the form suggests the same title and a date a year later. */
    @Transactional(readOnly = true)
    public CopyForm copyForm(PortalUser user, long activityId) {
        Activity source = managed.find(user, activityId);
        LocalDate first = Times.date(source.getFirstStart());
        return new CopyForm(source.getTitle(), first == null ? null : first.plusYears(1));
    }

    /**
     * Copies an activity as a draft on new dates: sessions and registration times move by the days between the first
     * session's date and {@code form.firstDate()}, at the same Swedish local times.
     */
    @Transactional
    public long copy(PortalUser user, long activityId, CopyForm form) {
        Activity source = managed.find(user, activityId);
        long days = ChronoUnit.DAYS.between(Times.date(source.getFirstStart()), form.firstDate());
        Activity copy = new Activity(source.getProjectId(), source.getTrackId(), source.getKind(), form.title().strip());
        copy.setDescription(source.getDescription());
        copy.setLevel(source.getLevel());
        copy.setLanguage(source.getLanguage());
        copy.setVenueName(source.getVenueName());
        copy.setVenueAddress(source.getVenueAddress());
        copy.setVenueCity(source.getVenueCity());
        copy.setStepFreeAccess(source.isStepFreeAccess());
        copy.setHearingLoop(source.isHearingLoop());
        copy.setAccessibilityNotes(source.getAccessibilityNotes());
        copy.setSeats(source.getSeats());
        copy.setTargetParticipants(source.getTargetParticipants());
        copy.setRegistrationOpens(shift(source.getRegistrationOpens(), days));
        copy.setRegistrationCloses(shift(source.getRegistrationCloses(), days));
        copy.setCancellationDeadline(shift(source.getCancellationDeadline(), days));
        copy.getTargetGroupIds().addAll(source.getTargetGroupIds());
        for (ActivitySession s : source.getSessions()) {
            copy.addSession(shift(s.getStartsAt(), days), shift(s.getEndsAt(), days), s.getPlace(), s.getOnlineUrl());
        }
        for (ActivityTrainer t : source.getTrainers()) {
            copy.addTrainer(t.getName(), t.getOrganisation(), t.isExternal(), t.getGender());
        }
        return activities.save(copy).getId();
    }

    private static Instant shift(Instant instant, long days) {
        return instant == null ? null : instant.atZone(Formats.ZONE).plusDays(days).toInstant();
    }

    // the activity's page ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public SecretaryActivityView details(PortalUser user, long activityId) {
        Activity activity = managed.find(user, activityId);
        ActivityDetails details = views.details(activity);
        ProjectInfo project = projects.project(activity.getProjectId()).orElseThrow();
        LocalDate first = Times.date(activity.getFirstStart());
        LocalDate last = Times.date(activity.getLastEnd());
        boolean outside = first != null && (first.isBefore(project.startDate()) || last.isAfter(project.endDate()));
        GenderBalance track = GenderBalance.byKey(trainers.countByTrack(activity.getProjectId()))
                .getOrDefault(activity.getTrackId(), GenderBalance.NONE);
        GenderBalance whole = GenderBalance.byKey(trainers.countByProject(List.of(activity.getProjectId())))
                .getOrDefault(activity.getProjectId(), GenderBalance.NONE);
        return new SecretaryActivityView(details, project.startDate(), project.endDate(), outside, track, whole,
                activity.getSeatsTaken() == 0);
    }

    @Transactional(readOnly = true)
    public String title(PortalUser user, long activityId) {
        return managed.find(user, activityId).getTitle();
    }

    private void checkTrackAndTargetGroups(long projectId, ActivityForm form) {
        if (projects.tracks(projectId).stream().noneMatch(t -> t.id() == form.trackId())) {
            throw new FieldRejectedException("trackId", "activity.trackId.unknown");
        }
        Set<Long> groups = projects.targetGroups(projectId).stream().map(TargetGroupInfo::id).collect(Collectors.toSet());
        if (!groups.containsAll(form.targetGroupIds())) {
            throw new FieldRejectedException("targetGroupIds", "activity.targetGroupIds.unknown");
        }
    }

    private static void checkRegistrationAgainstSessions(Instant closes, Instant deadline, Instant firstStart) {
        if (firstStart == null) {
            return;
        }
        if (closes.isAfter(firstStart)) {
            throw new FieldRejectedException("registrationCloses", "activity.registrationCloses.afterFirstSession");
        }
        if (deadline.isAfter(firstStart)) {
            throw new FieldRejectedException("cancellationDeadline", "activity.cancellationDeadline.afterFirstSession");
        }
    }
}
