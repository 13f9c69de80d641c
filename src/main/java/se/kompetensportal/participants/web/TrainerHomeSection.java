package se.kompetensportal.participants.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import se.kompetensportal.participants.domain.TrainerAttendanceService;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.CardSection;
import se.kompetensportal.shared.web.HomeCard;

/** The trainer's start page: today's sessions of their activities, each opening its attendance on the phone page. */
@Component
@Order(35)
class TrainerHomeSection extends CardSection {

    private final TrainerAttendanceService trainer;

    TrainerHomeSection(MessageSource messages, TrainerAttendanceService trainer) {
        super(messages, Role.TRAINER);
        this.trainer = trainer;
    }

    @Override
    protected HomeCard card(PortalUser user, Locale locale) {
        var items = trainer.todaysSessions(user).stream().map(s -> new HomeCard.Item(s.title(),
                "/trainer/sessions/" + s.sessionId(), text(locale, "participants.home.trainer.detail", s.start().toString(),
                        s.end().toString(), s.present(), s.seatHolders()))).toList();
        return new HomeCard(text(locale, "participants.home.trainer.heading"), items,
                text(locale, "participants.home.trainer.none"),
                new HomeCard.Link(text(locale, "layout.nav.trainer"), "/trainer"));
    }
}
