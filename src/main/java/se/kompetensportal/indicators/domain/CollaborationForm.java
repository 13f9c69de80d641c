package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A collaboration project as the secretary edits it. The partners must include an authority (municipality, region or
 * state agency) and a non-profit organisation, and the dates must fit the status; {@link CollaborationService} checks
 * those and puts the message on the field.
 */
public record CollaborationForm(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        Long forumActivityId,
        @NotNull CollaborationStatus status,
        LocalDate startedOn,
        LocalDate developedOn,
        LocalDate carriedOutOn,
        List<Long> partnerIds,
        long version) {

    public CollaborationForm {
        partnerIds = partnerIds == null ? List.of() : List.copyOf(partnerIds);
    }

    public static CollaborationForm empty() {
        return new CollaborationForm("", "", null, CollaborationStatus.IDEA, null, null, null, List.of(), 0);
    }

    public static CollaborationForm of(CollaborationProject p) {
        return new CollaborationForm(p.getTitle(), p.getDescription(), p.getForumActivityId(), p.getStatus(),
                p.getStartedOn(), p.getDevelopedOn(), p.getCarriedOutOn(), List.copyOf(p.getPartnerIds()),
                p.getVersion());
    }
}
