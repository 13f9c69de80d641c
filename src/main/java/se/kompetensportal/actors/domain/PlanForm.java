package se.kompetensportal.actors.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.multipart.MultipartFile;

/**
 * The plan as the contact person files it: the text, optionally a document (PDF or Word; checked by content in the
 * service), whether to remove the document filed before, and the version of the plan the form was opened on (none for
 * a first filing).
 */
public record PlanForm(
        @NotBlank @Size(max = 20_000) String planText,
        MultipartFile document,
        boolean removeDocument,
        Long version) {

    public static PlanForm empty() {
        return new PlanForm(null, null, false, null);
    }

    public static PlanForm of(PlanView plan) {
        return plan == null ? empty() : new PlanForm(plan.planText(), null, false, plan.version());
    }
}
