package se.kompetensportal.participants.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.domain.MySignUpView;
import se.kompetensportal.participants.domain.MySignUps;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.HomeCard;

/** The participant's start page: the next activities (seat or waiting list) and the certificates to download. */
@Component
@Order(30)
class ParticipantHomeSection extends CardSection {

    private static final int SHOWN = 4;

    private final MySignUps participants;
    private final Formats fmt;
    private final Clock clock;

    ParticipantHomeSection(MessageSource messages, MySignUps participants, Formats fmt, Clock clock) {
        super(messages, Role.PARTICIPANT);
        this.participants = participants;
        this.fmt = fmt;
        this.clock = clock;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        Instant now = clock.instant();
        List<MySignUpView> mine = participants.mySignUps(user);
        List<HomeCard.Item> items = new ArrayList<>();
        mine.stream().filter(s -> MyActivitiesController.isUpcoming(s, now)).limit(SHOWN).forEach(s -> items.add(
                new HomeCard.Item(s.title(), "/my/activities/" + s.id(), fmt.dateTime(s.firstStart())
                        + (s.status().name().equals("WAITING") ? " · " + text(locale, "signUp.position", s.position())
                        : ""))));
        mine.stream().filter(s -> !MyActivitiesController.isUpcoming(s, now) && s.certificateAvailable())
                .toList().reversed().stream().limit(SHOWN).forEach(s -> items.add(new HomeCard.Item(
                        text(locale, "participants.home.certificate", s.title()), "/my/activities/" + s.id() + "/certificate.pdf",
                        fmt.date(s.firstStart()))));
        return new HomeCard(text(locale, "participants.home.participant.heading"), items, text(locale, "participants.home.participant.none"),
                new HomeCard.Link(text(locale, "myActivities.title"), "/my/activities"));
    }
}
