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

/** An activity the current user manages, read with its sessions for a change; and the check that it can change. */
@org.springframework.stereotype.Component
class ManagedActivities {

    private final ActivityRepository activities;

    ManagedActivities(ActivityRepository activities) {
        this.activities = activities;
    }

    /** The activity with its sessions, if the current user manages its project (else 403; 404 when there is none). */
    Activity find(long activityId) {
        Activity activity = activities.findWithSessions(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        CurrentUser.requireManage(activity.getProjectId());
        return activity;
    }

    static void requireEditable(Activity activity) {
        if (!activity.isEditable()) {
            throw new BusinessRuleException("activity.notEditable", activity.getTitle());
        }
    }
}
