package se.kompetensportal.participants.domain;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/** The secretary's sign-up settings of an activity (waiting-list offers), for the projects the acting user manages. */
@Service
public class SignUpSettingsService {

    private final ActivitiesApi activities;
    private final SeatOffers offers;
    private final JdbcTemplate jdbc;
    private final ApprovalStore approvals;

    SignUpSettingsService(ActivitiesApi activities, SeatOffers offers, JdbcTemplate jdbc, ApprovalStore approvals) {
        this.approvals = approvals;
        this.activities = activities;
        this.offers = offers;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public ActivityInfo activity(PortalUser user, long activityId) {
        ActivityInfo activity = activities.activity(activityId)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
        user.requireManage(activity.projectId());
        return activity;
    }

    @Transactional(readOnly = true)
    public SignUpSettingsForm form(PortalUser user, long activityId) {
        activity(user, activityId);
        Integer hours = offers.offerHours(activityId);
        Integer days = approvals.approvalDays(activityId);
        return new SignUpSettingsForm(hours != null, hours == null ? 48 : hours, days != null, days == null ? 5 : days);
    }

    /** Open offers of the activity (shown with the settings). */
    @Transactional(readOnly = true)
    public int openOffers(PortalUser user, long activityId) {
        activity(user, activityId);
        return offers.openCount(activityId);
    }

    /** The open offers of the activity: sign-up id to when the offer runs out. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, java.time.Instant> openOffersBySignUp(PortalUser user, long activityId) {
        activity(user, activityId);
        java.util.Map<Long, java.time.Instant> open = new java.util.HashMap<>();
        jdbc.query("select sign_up_id, expires_at from seat_offer where activity_id = ? and status = 'OPEN'",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> open.put(rs.getLong(1),
                        rs.getTimestamp(2).toInstant()), activityId);
        return open;
    }

    @Transactional
    public void save(PortalUser user, long activityId, SignUpSettingsForm form) {
        activity(user, activityId);
        if (form.offersOn() && form.offerHours() == null) {
            throw new FieldRejectedException("offerHours", "NotNull");
        }
        if (form.approvalOn() && form.approvalDays() == null) {
            throw new FieldRejectedException("approvalDays", "NotNull");
        }
        Integer hours = form.offersOn() ? form.offerHours() : null;
        Integer days = form.approvalOn() ? form.approvalDays() : null;
        jdbc.update("""
                insert into sign_up_settings (activity_id, offer_hours, approval_days) values (?, ?, ?)
                on conflict (activity_id) do update set offer_hours = excluded.offer_hours,
                    approval_days = excluded.approval_days, version = sign_up_settings.version + 1""",
                activityId, hours, days);
    }
}
