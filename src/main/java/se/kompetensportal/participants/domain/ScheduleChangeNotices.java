package se.kompetensportal.participants.domain;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityScheduleChanged;
import se.kompetensportal.notifications.MailAttachment;

/**
 * Tells everyone signed up for an activity (with a seat or waiting) that its sessions or venue changed, with the
 * schedule as it now is; those with a seat get the calendar file again, with the same UIDs and a higher SEQUENCE, and
 * removed sessions as cancelled events, so their calendars update. Idempotent (one mail per change and sign-up).
 */
@Component
class ScheduleChangeNotices {

    private final SignUpRepository signUps;
    private final PersonRepository people;
    private final ActivitiesApi activities;
    private final ParticipantMails mails;

    ScheduleChangeNotices(SignUpRepository signUps, PersonRepository people, ActivitiesApi activities,
            ParticipantMails mails) {
        this.signUps = signUps;
        this.people = people;
        this.activities = activities;
        this.mails = mails;
    }

    @Transactional
    public int send(ActivityScheduleChanged event) {
        ActivityInfo activity = activities.activity(event.activityId()).orElse(null);
        if (activity == null) {
            return 0;
        }
        List<SignUp> open = signUps.findByActivityIdAndStatusNot(activity.id(), SignUpStatus.CANCELLED);
        if (open.isEmpty()) {
            return 0;
        }
        List<String> schedule = mails.schedule(activity.id());
        MailAttachment calendar = new MailAttachment("aktivitet-" + activity.id() + ".ics",
                "text/calendar; charset=UTF-8", activities.calendar(activity.id(), event.removed()));
        Map<Long, Person> byId = people.findAllById(open.stream().map(SignUp::getPersonId).toList()).stream()
                .collect(Collectors.toMap(Person::getId, Function.identity()));
        int sent = 0;
        for (SignUp signUp : open) {
            Person person = byId.get(signUp.getPersonId());
            if (person == null || person.getEmail() == null || person.getErasedAt() != null) {
                continue;
            }
            mails.scheduleChanged(signUp, person, activity, schedule, event.change(), event.sequence(), calendar);
            sent++;
        }
        return sent;
    }
}
