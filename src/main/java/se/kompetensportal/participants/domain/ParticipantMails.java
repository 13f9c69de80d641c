package se.kompetensportal.participants.domain;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivitySnapshot;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.notifications.MailAttachment;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.notifications.PreparedMail;
import se.kompetensportal.shared.qr.QrCodes;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The mails a participant gets about a sign-up, in their language, through the outbox (so in the transaction of the
 * change). Each carries the link to the sign-up's own page, where it can be seen and cancelled without logging in.
 */
@Component
class ParticipantMails {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Outbox outbox;
    private final ActivitiesApi activities;
    private final PersonRepository people;
    private final PortalProperties portal;

    ParticipantMails(Outbox outbox, ActivitiesApi activities, PersonRepository people, PortalProperties portal) {
        this.outbox = outbox;
        this.activities = activities;
        this.people = people;
        this.portal = portal;
    }

    /** Stands for the waiting-list position in a waiting mail rendered before the position is known. */
    private static final String POSITION = "KpWaitingPosition0";

    /** The activity's sessions as the mails list them. */
    List<String> schedule(long activityId) {
        return schedule(activities.sessions(activityId));
    }

    List<String> schedule(ActivitySnapshot activity) {
        return schedule(activity.sessions());
    }

    /** The confirmation, rendered now from the activity as read once (before the sign-up takes the lock). */
    PreparedMail confirmation(SignUp signUp, Person person, ActivitySnapshot activity) {
        return outbox.prepare(checkIn(signUp, base(signUp, person, activity.info(), "confirmed",
                "mail.signUp.confirmed.subject", schedule(activity.sessions()))
                .attach(calendar(activity))).build());
    }

    /** The waiting-list mail, rendered now with its position left open; see {@link #sendWaiting}. */
    PreparedMail waitingNotice(SignUp signUp, Person person, ActivitySnapshot activity) {
        return outbox.prepare(base(signUp, person, activity.info(), "waiting", "mail.signUp.waiting.subject",
                schedule(activity.sessions())).variable("position", POSITION).build());
    }

    /** Queues a prepared waiting-list mail with its position written as the message would write the number. */
    void sendWaiting(PreparedMail mail, long position) {
        outbox.enqueue(mail.fillIn(POSITION, java.text.NumberFormat.getInstance(mail.mail().locale()).format(position)));
    }

    void send(PreparedMail mail) {
        outbox.enqueue(mail);
    }

    void confirmed(SignUp signUp, Person person, ActivityInfo activity, List<String> schedule) {
        send(checkIn(signUp, base(signUp, person, activity, "confirmed", "mail.signUp.confirmed.subject", schedule)
                .attach(calendar(activity))));
    }

    void waiting(SignUp signUp, Person person, ActivityInfo activity, List<String> schedule, long position) {
        send(base(signUp, person, activity, "waiting", "mail.signUp.waiting.subject", schedule)
                .variable("position", position));
    }

    void promoted(SignUp signUp, ActivityInfo activity) {
        Person person = person(signUp);
        send(checkIn(signUp, base(signUp, person, activity, "promoted", "mail.signUp.promoted.subject")
                .attach(calendar(activity))));
    }

    void cancelled(SignUp signUp, ActivityInfo activity, CancelledBy by) {
        Person person = person(signUp);
        send(base(signUp, person, activity, "cancelled", "mail.signUp.cancelled.subject")
                .variable("bySecretary", by == CancelledBy.SECRETARY));
    }

    void activityCancelled(SignUp signUp, ActivityInfo activity, String reason) {
        Person person = person(signUp);
        send(base(signUp, person, activity, "activity-cancelled", "mail.signUp.activityCancelled.subject")
                .variable("reason", reason));
    }

    /**
     * A change of the activity's sessions or venue; those with a seat get the updated calendar file. One mail per change
     * ({@code sequence}) and sign-up, even if the event is handled twice.
     */
    void scheduleChanged(SignUp signUp, Person person, ActivityInfo activity, List<String> schedule,
            se.kompetensportal.activities.ActivityScheduleChanged.Change change,
            long sequence, MailAttachment calendar) {
        OutgoingMail.Builder mail = base(signUp, person, activity, "schedule-changed",
                "mail.signUp.scheduleChanged.subject", schedule)
                .variable("change", change)
                .variable("waiting", signUp.getStatus() == SignUpStatus.WAITING)
                .dedupKey("schedule-change:" + activity.id() + ":" + sequence + ":" + signUp.getId());
        if (signUp.getStatus() == SignUpStatus.CONFIRMED && calendar != null) {
            mail.attach(calendar);
        }
        outbox.enqueue(mail.build());
    }

    /** A seat offered from the waiting list: take it (or say no) by the link before {@code expires}. */
    void offer(SignUp signUp, ActivityInfo activity, long offerId, String token, java.time.Instant expires) {
        Person person = person(signUp);
        outbox.enqueue(base(signUp, person, activity, "offer", "mail.signUp.offer.subject")
                .variable("offerLink", portal.link("/offers/" + token))
                .variable("expires", new se.kompetensportal.shared.web.Formats().dateTime(expires))
                .dedupKey("seat-offer:" + offerId)
                .build());
    }

    /** The offer ran out unanswered: the person is now last on the waiting list, at {@code position}. */
    void offerExpired(SignUp signUp, ActivityInfo activity, long offerId, long position) {
        Person person = person(signUp);
        outbox.enqueue(base(signUp, person, activity, "offer-expired", "mail.signUp.offerExpired.subject")
                .variable("position", position > 0 ? position : null)
                .dedupKey("seat-offer-expired:" + offerId)
                .build());
    }

    /** To the participant's manager: approve or decline the sign-up by the link before the seat is released. */
    void approvalRequest(SignUp signUp, Person person, ActivityInfo activity, List<String> schedule,
            ApprovalStore.Approval approval) {
        outbox.enqueue(OutgoingMail.to(approval.managerEmail(), Locale.of(person.getLocale()))
                .template("participants/manager-approval")
                .subject("mail.approval.request.subject", person.fullName(), activity.title())
                .variable("participant", person.fullName())
                .variable("title", activity.title())
                .variable("schedule", schedule)
                .variable("place", activity.place())
                .variable("approvalLink", portal.link("/approvals/" + approval.token()))
                .variable("expires", new se.kompetensportal.shared.web.Formats().dateTime(approval.expiresAt()))
                .project(activity.projectId())
                .category("participants.manager-approval")
                .dedupKey("manager-approval:" + approval.id())
                .build());
    }

    /** To the participant: a seat is held while the manager is asked ({@code manager} when known). */
    void approvalPending(SignUp signUp, Person person, ActivityInfo activity, List<String> schedule, String manager) {
        Person to = person != null ? person : person(signUp);
        send(base(signUp, to, activity, "approval-pending", "mail.approval.pending.subject",
                schedule != null ? schedule : schedule(activity.id()))
                .variable("manager", manager));
    }

    /**
     * To the participant: the manager declined ({@code kind} DECLINED), nobody answered in time (EXPIRED), or the
     * manager approved while the person still waits for a seat (APPROVED).
     */
    void approvalEnded(SignUp signUp, ActivityInfo activity, String kind) {
        Person person = person(signUp);
        send(base(signUp, person, activity, "approval-ended", "mail.approval.ended.subject." + kind)
                .variable("kind", kind));
    }

    /** To a secretary of the project: a participant sent a colleague in their place. */
    void colleagueNotice(String email, ActivityInfo activity, String who, String instead) {
        outbox.enqueue(OutgoingMail.to(email, Locale.of("sv"))
                .template("participants/colleague-notice")
                .subject("mail.colleague.notice.subject", activity.title())
                .variable("title", activity.title())
                .variable("who", who)
                .variable("instead", instead)
                .variable("link", portal.link("/admin/activities/" + activity.id() + "/sign-ups"))
                .project(activity.projectId())
                .category("participants.colleague")
                .build());
    }

    /** Queues the reminder of a sign-up unless it was queued before; returns whether it was queued now. */
    boolean reminder(SignUp signUp, ActivityInfo activity) {
        Person person = person(signUp);
        return outbox.enqueue(base(signUp, person, activity, "reminder", "mail.signUp.reminder.subject")
                .dedupKey("reminder:" + signUp.getId()).build());
    }

    private OutgoingMail.Builder base(SignUp signUp, Person person, ActivityInfo activity, String template,
            String subject) {
        return base(signUp, person, activity, template, subject, schedule(activity.id()));
    }

    private OutgoingMail.Builder base(SignUp signUp, Person person, ActivityInfo activity, String template,
            String subject, List<String> schedule) {
        Locale locale = Locale.of(person.getLocale());
        return OutgoingMail.to(person.getEmail(), locale)
                .template("participants/" + template)
                .subject(subject, activity.title())
                .variable("name", person.getFirstName())
                .variable("title", activity.title())
                .variable("schedule", schedule)
                .variable("place", activity.place())
                .variable("activityLink", portal.link(activity.path()))
                .variable("manageLink", portal.link("/sign-ups/" + signUp.getManageToken()))
                .project(activity.projectId())
                .category("participants." + template);
    }

    /** The check-in code as text and as a QR code (PNG) that the trainer scans. */
    private OutgoingMail.Builder checkIn(SignUp signUp, OutgoingMail.Builder mail) {
        return mail.variable("checkInCode", CheckInCodes.display(signUp.getCheckInCode()))
                .attach(new MailAttachment("incheckning-" + signUp.getCheckInCode() + ".png", "image/png",
                        QrCodes.png(portal.link(CheckInCodes.PATH + signUp.getCheckInCode()), 6)));
    }

    private void send(OutgoingMail.Builder mail) {
        outbox.enqueue(mail.build());
    }

    private MailAttachment calendar(ActivityInfo activity) {
        return new MailAttachment("aktivitet-" + activity.id() + ".ics", "text/calendar; charset=UTF-8",
                activities.calendar(activity.id()));
    }

    private static MailAttachment calendar(ActivitySnapshot activity) {
        return new MailAttachment("aktivitet-" + activity.id() + ".ics", "text/calendar; charset=UTF-8",
                activity.calendar());
    }

    private Person person(SignUp signUp) {
        return people.findById(signUp.getPersonId()).orElseThrow();
    }

    /** One line per session: "2026-12-03 09:00–12:00, Kalmar slott". */
    static List<String> schedule(List<SessionInfo> sessions) {
        return sessions.stream().map(s -> DATE.format(s.date()) + " " + TIME.format(s.start()) + "–"
                + TIME.format(s.end()) + (s.place() != null ? ", " + s.place() : "")
                + (s.onlineUrl() != null ? ", " + s.onlineUrl() : "")).toList();
    }
}
