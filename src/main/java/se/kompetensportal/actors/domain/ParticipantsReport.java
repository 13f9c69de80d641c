package se.kompetensportal.actors.domain;

import org.springframework.data.domain.Page;
import se.kompetensportal.participants.OrganisationParticipation.SignUpLine;
import se.kompetensportal.participants.OrganisationParticipation.Summary;

/** The organisation's people who signed up for the project's activities (a page of them), and their totals. */
public record ParticipantsReport(Page<SignUpLine> page, Summary summary) {
}
