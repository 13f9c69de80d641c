package se.kompetensportal.participants.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.domain.HomeQueries;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/** The secretary's start page: sessions of this week without attendance, waiting lists with free seats. */
@Component
@Order(20)
class AttendanceHomeSection extends CardSection {

    private final HomeQueries queries;
    private final ProjectsApi projects;

    AttendanceHomeSection(MessageSource messages, HomeQueries queries, ProjectsApi projects) {
        super(messages, Role.SECRETARY, Role.ADMIN);
        this.queries = queries;
        this.projects = projects;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        Collection<Long> scope = projects.managedProjectIds(user);
        List<HomeCard.Item> items = new ArrayList<>();
        for (var m : queries.missingAttendance(scope)) {
            items.add(new HomeCard.Item(text(locale, "participants.home.attendanceMissing", m.title()),
                    "/admin/activities/" + m.activityId() + "/sessions/" + m.sessionId() + "/attendance",
                    m.date().toString()));
        }
        for (var w : queries.waitingWithSeats(scope)) {
            items.add(new HomeCard.Item(text(locale, "participants.home.waitingWithSeats", w.title()),
                    "/admin/activities/" + w.activityId() + "/sign-ups",
                    text(locale, "participants.home.waitingWithSeats.detail", w.seatsLeft(), w.waiting())));
        }
        return new HomeCard(text(locale, "participants.home.secretary.heading"), items, text(locale, "participants.home.secretary.none"),
                new HomeCard.Link(text(locale, "participants.home.secretary.activities"), "/admin/activities"));
    }
}
