package se.kompetensportal.activities.domain;

import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;

/** An activity the current user manages, read with its sessions for a change; and the check that it can change. */
@org.springframework.stereotype.Component
class ManagedActivities {

    private final ActivityRepository activities;

    ManagedActivities(ActivityRepository activities) {
        this.activities = activities;
    }

    /** The activity with its sessions, if the acting user manages its project (else 403; 404 when there is none). */
    Activity find(PortalUser user, long activityId) {
        Activity activity = activities.findWithSessions(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        user.requireManage(activity.getProjectId());
        return activity;
    }

    static void requireEditable(Activity activity) {
        if (!activity.isEditable()) {
            throw new BusinessRuleException("activity.notEditable", activity.getTitle());
        }
    }
}
