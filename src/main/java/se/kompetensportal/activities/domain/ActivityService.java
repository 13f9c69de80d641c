package se.kompetensportal.activities.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivityCancelled;
import se.kompetensportal.activities.ActivityCompleted;
import se.kompetensportal.activities.ActivityPublished;
import se.kompetensportal.activities.ActivitySeatsChanged;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The project staff's work with activities: list, create, edit, copy, sessions and trainers, publish, cancel,
 * complete and delete. Administrators see every project's activities; a secretary those of the projects they manage.
 * Activity dates are not checked against the project's period (demo data and late additions fall outside it); the
 * activity's page points it out instead.
 */
@Service
public class ActivityService {

    public static final int PAGE_SIZE = 25;

    private final ActivityRepository activities;
    private final ActivityTrainerRepository trainers;
    private final ProjectsApi projects;
    private final ActivityViews views;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ScheduleAnnouncer announcer;

    ActivityService(ActivityRepository activities, ActivityTrainerRepository trainers, ProjectsApi projects,
            ActivityViews views, AccountsApi accounts, ApplicationEventPublisher events, EntityManager entityManager,
            Clock clock, ScheduleAnnouncer announcer) {
        this.announcer = announcer;
        this.accounts = accounts;
        this.activities = activities;
        this.trainers = trainers;
        this.projects = projects;
        this.views = views;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    // list ------------------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ActivityList list(ActivityFilter filter, int page) {
        List<ProjectInfo> visible = manageableProjects();
        Set<Long> scope = visible.stream().map(ProjectInfo::id).collect(Collectors.toSet());
        List<TrackInfo> tracks = projects.tracks(scope);
        List<ActivityList.ProjectBalance> unbalanced = new ArrayList<>();
        Map<Long, GenderBalance> balances = scope.isEmpty() ? Map.of()
                : GenderBalance.byKey(trainers.countByProject(scope));
        for (ProjectInfo p : visible) {
            GenderBalance b = balances.getOrDefault(p.id(), GenderBalance.NONE);
            if (b.isOutside()) {
                unbalanced.add(new ActivityList.ProjectBalance(p, b));
            }
        }
        if (scope.isEmpty() || (filter.projectId() != null && !scope.contains(filter.projectId()))) {
            return new ActivityList(Page.empty(PageRequest.of(0, PAGE_SIZE)), visible, tracks, unbalanced);
        }
        StringBuilder where = new StringBuilder(" where a.projectId in :scope");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", scope);
        if (filter.projectId() != null) {
            where.append(" and a.projectId = :projectId");
            params.put("projectId", filter.projectId());
        }
        if (filter.trackId() != null) {
            where.append(" and a.trackId = :trackId");
            params.put("trackId", filter.trackId());
        }
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status());
        }
        if (filter.from() != null) {
            where.append(" and a.lastEnd >= :from");
            params.put("from", Times.instant(filter.from().atStartOfDay()));
        }
        if (filter.to() != null) {
            where.append(" and a.firstStart < :to");
            params.put("to", Times.instant(filter.to().plusDays(1).atStartOfDay()));
        }
        String order = switch (filter.sortOrDefault()) {
            case "date-desc" -> " order by a.firstStart desc nulls last, a.id desc";
            case "title" -> " order by lower(a.title), a.id";
            case "status" -> " order by a.status, a.firstStart, a.id";
            default -> " order by a.firstStart nulls last, a.id";
        };
        TypedQuery<Long> count = entityManager.createQuery("select count(a) from Activity a" + where, Long.class);
        TypedQuery<ActivityRow> rows = entityManager.createQuery("""
                select new se.kompetensportal.activities.domain.ActivityRow(a.id, a.projectId, a.trackId, a.title,
                    a.kind, a.status, a.firstStart, a.lastEnd, a.sessionCount, a.seats, a.seatsTaken,
                    a.targetParticipants)
                from Activity a""" + where + order, ActivityRow.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            rows.setParameter(k, v);
        });
        long total = count.getSingleResult();
        int pageNumber = Math.max(0, Math.min(page, (int) ((total - 1) / PAGE_SIZE)));
        rows.setFirstResult(pageNumber * PAGE_SIZE).setMaxResults(PAGE_SIZE);
        Map<Long, ProjectInfo> projectById = visible.stream().collect(Collectors.toMap(ProjectInfo::id, Function.identity()));
        Map<Long, String> trackNames = tracks.stream().collect(Collectors.toMap(TrackInfo::id, TrackInfo::name));
        List<ActivityListItem> items = rows.getResultList().stream().map(r -> new ActivityListItem(r.id(), r.projectId(),
                projectById.get(r.projectId()).shortName(), trackNames.getOrDefault(r.trackId(), ""), r.title(),
                r.kind(), r.status(), r.firstStart(), r.lastEnd(), r.sessionCount(), r.seats(), r.seatsTaken(),
                r.targetParticipants())).toList();
        return new ActivityList(new PageImpl<>(items, PageRequest.of(pageNumber, PAGE_SIZE), total), visible, tracks,
                unbalanced);
    }

    /** The projects whose activities the current user may manage. */
    @Transactional(readOnly = true)
    public List<ProjectInfo> manageableProjects() {
        PortalUser user = CurrentUser.require();
        if (user.isAdmin()) {
            return projects.projects();
        }
        if (!user.hasRole(Role.SECRETARY)) {
            throw new AccessDeniedException("Only administrators and secretaries manage activities");
        }
        return user.projectIds().isEmpty() ? List.of() : projects.projects(user.projectIds());
    }

    // create and edit ---------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ActivityFormOptions formOptions(long projectId) {
        CurrentUser.requireManage(projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        return new ActivityFormOptions(project, projects.tracks(projectId), projects.targetGroups(projectId));
    }

    /** The form's options for an existing activity (its own project, whatever the submitted form claims). */
    @Transactional(readOnly = true)
    public ActivityFormOptions formOptionsForActivity(long activityId) {
        return formOptions(findManaged(activityId).getProjectId());
    }

    @Transactional
    public long create(ActivityForm form) {
        long projectId = form.projectId();
        CurrentUser.requireManage(projectId);
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
    public ActivityForm editForm(long activityId) {
        Activity activity = findManaged(activityId);
        requireEditable(activity);
        return ActivityForm.of(activity);
    }

    @Transactional
    public void update(long activityId, ActivityForm form) {
        update(activityId, form, false);
    }

    /**
     * Saves the activity's form; when the venue of a published activity changed and {@code announce} is set, the
     * participants are told ({@link ScheduleAnnouncer}).
     */
    @Transactional
    public void update(long activityId, ActivityForm form, boolean announce) {
        Activity activity = findManaged(activityId);
        String venueBefore = Activity.venueLine(activity.getVenueName(), activity.getVenueAddress(),
                activity.getVenueCity());
        if (form.version() == null || form.version() != activity.getVersion()) {
            throw new ConcurrentEditException("Activity", activityId);
        }
        requireEditable(activity);
        checkTrackAndTargetGroups(activity.getProjectId(), form);
        if (form.seats() < activity.getSeatsTaken()) {
            throw new FieldRejectedException("seats", "activity.seats.belowTaken", activity.getSeatsTaken());
        }
        checkRegistrationAgainstSessions(Times.instant(form.registrationCloses()),
                Times.instant(form.cancellationDeadline()), activity.getFirstStart());
        int seatsBefore = activity.getSeats();
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
        if (!java.util.Objects.equals(venueBefore, Activity.venueLine(activity.getVenueName(),
                activity.getVenueAddress(), activity.getVenueCity()))) {
            announcer.changed(activity, se.kompetensportal.activities.ActivityScheduleChanged.Change.VENUE_CHANGED,
                    announce, List.of());
        }
    }

    /** A copy of the form of an activity, to repeat it: the form suggests the same title and a date a year later. */
    @Transactional(readOnly = true)
    public CopyForm copyForm(long activityId) {
        Activity source = findManaged(activityId);
        LocalDate first = Times.date(source.getFirstStart());
        return new CopyForm(source.getTitle(), first == null ? null : first.plusYears(1));
    }

    /**
     * Copies an activity as a draft on new dates: sessions and registration times move by the days between the first
     * session's date and {@code form.firstDate()}, at the same Swedish local times.
     */
    @Transactional
    public long copy(long activityId, CopyForm form) {
        Activity source = findManaged(activityId);
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
    public SecretaryActivityView details(long activityId) {
        Activity activity = findManaged(activityId);
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
    public String title(long activityId) {
        return findManaged(activityId).getTitle();
    }

    // sessions and trainers -------------------------------------------------------------------------------------------

    @Transactional
    public void addTrainer(long activityId, TrainerForm form) {
        Activity activity = findManaged(activityId);
        requireEditable(activity);
        ActivityTrainer trainer = activity.addTrainer(form.name().strip(), ActivityForm.blankToNull(form.organisation()),
                form.external(), form.gender());
        trainer.linkAccount(trainerAccount(form.accountEmail(), form.name().strip()));
    }

    /**
     * Links a trainer to the user account of the e-mail address (created without a password if there is none, given
     * the trainer role), so they record the activity's attendance on {@code /trainer}; a blank address unlinks.
     */
    @Transactional
    public void linkTrainerAccount(long activityId, long trainerId, String email) {
        Activity activity = findManaged(activityId);
        requireEditable(activity);
        ActivityTrainer trainer = activity.getTrainers().stream().filter(t -> t.getId() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
        trainer.linkAccount(trainerAccount(email, trainer.getName()));
    }

    @Transactional(readOnly = true)
    public TrainerView trainer(long activityId, long trainerId) {
        Activity activity = findManaged(activityId);
        return views.details(activity).trainers().stream().filter(t -> t.id() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
    }

    private Long trainerAccount(String email, String name) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return accounts.ensureAccount(email.strip(), name, Role.TRAINER);
    }

    /** The form of an existing trainer, to edit. */
    @Transactional(readOnly = true)
    public TrainerForm trainerForm(long activityId, long trainerId) {
        ActivityTrainer t = trainerOf(findManaged(activityId), trainerId);
        TrainerView view = trainer(activityId, trainerId);
        return new TrainerForm(t.getName(), t.getOrganisation(), t.isExternal(), t.getGender(), view.accountEmail());
    }

    /** Changes a trainer's name, organisation, kind and gender, and the account they record attendance with. */
    @Transactional
    public void updateTrainer(long activityId, long trainerId, TrainerForm form) {
        Activity activity = findManaged(activityId);
        requireEditable(activity);
        ActivityTrainer trainer = trainerOf(activity, trainerId);
        trainer.change(form.name().strip(), ActivityForm.blankToNull(form.organisation()), form.external(),
                form.gender());
        trainer.linkAccount(trainerAccount(form.accountEmail(), form.name().strip()));
    }

    private static ActivityTrainer trainerOf(Activity activity, long trainerId) {
        return activity.getTrainers().stream().filter(t -> t.getId() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
    }

    @Transactional
    public void removeTrainer(long activityId, long trainerId) {
        Activity activity = findManaged(activityId);
        requireEditable(activity);
        ActivityTrainer trainer = activity.getTrainers().stream().filter(t -> t.getId() == trainerId).findFirst()
                .orElseThrow(() -> new NotFoundException("Trainer", trainerId));
        activity.removeTrainer(trainer);
    }

    // status ----------------------------------------------------------------------------------------------------------

    @Transactional
    public void publish(long activityId) {
        Activity activity = findManaged(activityId);
        if (activity.getStatus() != ActivityStatus.DRAFT) {
            throw new BusinessRuleException("activity.publish.notDraft", activity.getTitle());
        }
        activity.publish(clock.instant());
        events.publishEvent(new ActivityPublished(activity.getId(), activity.getProjectId()));
    }

    @Transactional
    public void cancel(long activityId, CancelForm form) {
        Activity activity = findManaged(activityId);
        if (!activity.isEditable()) {
            throw new BusinessRuleException("activity.cancel.notPossible", activity.getTitle());
        }
        activity.cancel(form.reason().strip(), clock.instant());
        events.publishEvent(new ActivityCancelled(activity.getId(), activity.getProjectId(), form.reason().strip()));
    }

    @Transactional
    public void complete(long activityId) {
        Activity activity = findManaged(activityId);
        if (activity.getStatus() != ActivityStatus.PUBLISHED) {
            throw new BusinessRuleException("activity.complete.notPublished", activity.getTitle());
        }
        // Completion sends the evaluation and closes the attendance: only once the last session has ended.
        if (activity.getLastEnd() == null || activity.getLastEnd().isAfter(clock.instant())) {
            throw new BusinessRuleException("activity.complete.notEnded", activity.getTitle(),
                    activity.getLastEnd() == null ? "" : new Formats().dateTime(activity.getLastEnd()));
        }
        activity.complete(clock.instant());
        events.publishEvent(new ActivityCompleted(activity.getId(), activity.getProjectId()));
    }

    /** Deletes an activity entered by mistake. One with sign-ups is refused: it can only be cancelled. */
    @Transactional
    public long delete(long activityId) {
        Activity activity = findManaged(activityId);
        if (activity.getSeatsTaken() > 0) {
            throw new BusinessRuleException("activity.delete.hasSignUps", activity.getTitle());
        }
        try {
            activities.delete(activity);
            activities.flush();
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("activity.delete.hasSignUps", activity.getTitle());
        }
        return activity.getProjectId();
    }

    // gender balance --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public BalanceReport balance(long projectId) {
        CurrentUser.requireManage(projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        List<TrackInfo> tracks = projects.tracks(projectId);
        Map<Long, GenderBalance> byTrack = GenderBalance.byKey(trainers.countByTrack(projectId));
        GenderBalance whole = GenderBalance.byKey(trainers.countByProject(List.of(projectId)))
                .getOrDefault(projectId, GenderBalance.NONE);
        Map<Long, String> trackNames = tracks.stream().collect(Collectors.toMap(TrackInfo::id, TrackInfo::name));
        List<Object[]> rows = entityManager.createQuery("""
                select a.id, a.title, a.trackId, t.gender from ActivityTrainer t join t.activity a
                where a.projectId = :projectId and a.status <> se.kompetensportal.activities.ActivityStatus.CANCELLED
                order by a.firstStart, a.id""", Object[].class).setParameter("projectId", projectId).getResultList();
        Map<Long, List<Object[]>> byActivity = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byActivity.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r));
        List<BalanceReport.ActivityBalance> perActivity = byActivity.values().stream()
                .map(list -> new BalanceReport.ActivityBalance((Long) list.getFirst()[0], (String) list.getFirst()[1],
                        trackNames.getOrDefault((Long) list.getFirst()[2], ""),
                        GenderBalance.of(list.stream().map(r -> (TrainerGender) r[3]).toList())))
                .toList();
        return new BalanceReport(project, whole,
                tracks.stream().map(t -> new BalanceReport.TrackBalance(t, byTrack.getOrDefault(t.id(), GenderBalance.NONE)))
                        .toList(),
                perActivity);
    }

    // helpers ---------------------------------------------------------------------------------------------------------

    private Activity findManaged(long activityId) {
        Activity activity = activities.findWithSessions(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        CurrentUser.requireManage(activity.getProjectId());
        return activity;
    }

    private static void requireEditable(Activity activity) {
        if (!activity.isEditable()) {
            throw new BusinessRuleException("activity.notEditable", activity.getTitle());
        }
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
