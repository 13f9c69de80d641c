package se.kompetensportal.timereporting.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.notifications.Outbox;
import se.kompetensportal.notifications.OutgoingMail;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The time reporting mails, through the outbox (so in the transaction of the change): the request to confirm a month
 * (first, as a reminder, or again after a correction) with the month's sessions and a single-use link, and the notice to
 * the project's secretaries that a participant disputed a month.
 */
@Component
class TimeMails {

    /** Why the participant gets the request. */
    enum Kind {
        REQUEST, REMINDER, CORRECTED
    }

    private final Outbox outbox;
    private final ParticipantContacts people;
    private final AccountsApi accounts;
    private final PortalProperties portal;

    TimeMails(Outbox outbox, ParticipantContacts people, AccountsApi accounts, PortalProperties portal) {
        this.outbox = outbox;
        this.people = people;
        this.accounts = accounts;
        this.portal = portal;
    }

    void request(MonthView view, Kind kind, String token, Instant validUntil, String reason) {
        ParticipantContacts.PersonContact person = people.contact(view.month().personId()).orElseThrow();
        Locale locale = person.locale();
        String month = month(view, locale);
        outbox.enqueue(OutgoingMail.to(person.email(), locale)
                .template("timereporting/confirm")
                .subject("mail.time." + kind.name().toLowerCase(Locale.ROOT) + ".subject", view.projectShortName(), month)
                .variable("name", person.firstName())
                .variable("kind", kind.name())
                .variable("project", view.projectName())
                .variable("month", month)
                .variable("lines", lines(view))
                .variable("wholeHours", view.month().wholeHours())
                .variable("total", duration(view.month().minutes()))
                .variable("link", portal.link("/time/confirm/" + token))
                .variable("validUntil", DateTimeFormatter.ISO_LOCAL_DATE.format(validUntil.atZone(Formats.ZONE)))
                .variable("myTimeLink", portal.link("/my/time"))
                .variable("reason", reason == null ? "" : reason)
                .project(view.month().projectId())
                .category("timereporting." + kind.name().toLowerCase(Locale.ROOT))
                .sensitive()
                .build());
    }

    /** Tells the project's secretaries that a participant said something is wrong with a month. */
    void disputed(MonthView view, String comment) {
        for (UserSummary secretary : accounts.usersWithRole(Role.SECRETARY, view.month().projectId())) {
            if (!secretary.enabled()) {
                continue;
            }
            Locale locale = Locale.of("sv");
            String month = month(view, locale);
            outbox.enqueue(OutgoingMail.to(secretary.email(), locale)
                    .template("timereporting/disputed")
                    .subject("mail.time.disputed.subject", view.personName(), month)
                    .variable("name", secretary.displayName())
                    .variable("person", view.personName())
                    .variable("project", view.projectName())
                    .variable("month", month)
                    .variable("comment", comment)
                    .variable("link", portal.link("/admin/projects/" + view.month().projectId() + "/time/"
                            + view.month().id()))
                    .project(view.month().projectId())
                    .category("timereporting.disputed")
                    .build());
        }
    }

    static List<String> lines(MonthView view) {
        return view.lines().stream().map(l -> DateTimeFormatter.ISO_LOCAL_DATE.format(l.date()) + " "
                + l.activityTitle() + ": " + duration(l.minutes())).toList();
    }

    /** Minutes as "6 h 40 min" (the same in both languages). */
    static String duration(int minutes) {
        return (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
    }

    private static String month(MonthView view, Locale locale) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(view.month().month());
    }
}
