package se.kompetensportal.actors.domain;

import java.util.List;

import se.kompetensportal.participants.OrganisationParticipation.SignUpLine;

/** The organisation's people who signed up for the project's activities, and what became of each sign-up. */
public record ParticipantsReport(List<SignUpLine> signUps) {

    /** How many different people signed up. */
    public long people() {
        return signUps.stream().map(SignUpLine::personId).distinct().count();
    }

    /** How many different people attended at least one session (the funder's participants). */
    public long attended() {
        return signUps.stream().filter(s -> s.sessionsAttended() > 0).map(SignUpLine::personId).distinct().count();
    }
}
