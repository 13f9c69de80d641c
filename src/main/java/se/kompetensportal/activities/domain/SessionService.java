package se.kompetensportal.activities.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityScheduleChanged.Change;
import se.kompetensportal.activities.ActivityScheduleChanged;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * An activity's sessions: add, change, remove. Each change raises the calendar SEQUENCE, and for a published activity
 * the secretary is asked whether to tell the participants ({@code announce}), who then get a mail with the updated
 * calendar file ({@link ScheduleAnnouncer}). A session that has begun is not changed (its attendance may be
 * recorded); one with attendance is not removed.
 */
@Service
public class SessionService {

    private final ActivityRepository activities;
    private final ScheduleAnnouncer announcer;
    private final Clock clock;

    SessionService(ActivityRepository activities, ScheduleAnnouncer announcer, Clock clock) {
        this.activities = activities;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** What the session pages show: the activity's title, whether it is published and how many have a seat. */
    public record Context(String activityTitle, boolean published, int seatsTaken) {
    }

    @Transactional(readOnly = true)
    public Context context(PortalUser user, long activityId) {
        Activity activity = findManaged(user, activityId);
        return new Context(activity.getTitle(), activity.getStatus() == ActivityStatus.PUBLISHED,
                activity.getSeatsTaken());
    }

    @Transactional(readOnly = true)
    public SessionForm form(PortalUser user, long activityId, long sessionId) {
        ActivitySession s = session(findManaged(user, activityId), sessionId);
        var info = s.info();
        return new SessionForm(info.date(), info.start(), info.end(), s.getPlace(), s.getOnlineUrl());
    }

    @Transactional
    public void add(PortalUser user, long activityId, SessionForm form, boolean announce) {
        Activity activity = editable(user, activityId);
        Instant start = checkedStart(activity, form);
        activity.addSession(start, Times.instant(form.date(), form.end()), ActivityForm.blankToNull(form.place()),
                ActivityForm.blankToNull(form.onlineUrl()));
        announcer.changed(activity, Change.SESSION_ADDED, announce, List.of());
    }

    @Transactional
    public void update(PortalUser user, long activityId, long sessionId, SessionForm form, boolean announce) {
        Activity activity = editable(user, activityId);
        ActivitySession session = notBegun(session(activity, sessionId));
        Instant start = checkedStart(activity, form);
        activity.changeSession(session, start, Times.instant(form.date(), form.end()),
                ActivityForm.blankToNull(form.place()), ActivityForm.blankToNull(form.onlineUrl()));
        announcer.changed(activity, Change.SESSION_CHANGED, announce, List.of());
    }

    @Transactional
    public void remove(PortalUser user, long activityId, long sessionId, boolean announce) {
        Activity activity = editable(user, activityId);
        ActivitySession session = session(activity, sessionId);
        if (activity.getSessions().size() == 1) {
            throw new BusinessRuleException("activity.session.lastOne");
        }
        var removed = new ActivityScheduleChanged.RemovedSession(session.getId(), session.getStartsAt(),
                session.getEndsAt());
        activity.removeSession(session);
        try {
            activities.flush();
        } catch (DataIntegrityViolationException e) {
            // Something of another module (attendance) refers to the session.
            throw new BusinessRuleException("activity.session.inUse");
        }
        announcer.changed(activity, Change.SESSION_REMOVED, announce, List.of(removed));
    }

    private Instant checkedStart(Activity activity, SessionForm form) {
        Instant start = Times.instant(form.date(), form.start());
        if (start.isBefore(activity.getRegistrationCloses())) {
            throw new FieldRejectedException("date", "activity.session.beforeRegistrationCloses",
                    new Formats().dateTime(activity.getRegistrationCloses()));
        }
        if (start.isBefore(activity.getCancellationDeadline())) {
            throw new FieldRejectedException("date", "activity.session.beforeCancellationDeadline",
                    new Formats().dateTime(activity.getCancellationDeadline()));
        }
        return start;
    }

    private ActivitySession notBegun(ActivitySession session) {
        if (!session.getStartsAt().isAfter(clock.instant())) {
            throw new BusinessRuleException("activity.session.begun");
        }
        return session;
    }

    private static ActivitySession session(Activity activity, long sessionId) {
        return activity.getSessions().stream().filter(s -> s.getId() == sessionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
    }

    private Activity editable(PortalUser user, long activityId) {
        Activity activity = findManaged(user, activityId);
        if (!activity.isEditable()) {
            throw new BusinessRuleException("activity.notEditable", activity.getTitle());
        }
        return activity;
    }

    private Activity findManaged(PortalUser user, long activityId) {
        Activity activity = activities.findWithSessions(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        user.requireManage(activity.getProjectId());
        return activity;
    }
}
