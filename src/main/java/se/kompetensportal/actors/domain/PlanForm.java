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
        Boolean removeDocument,
        Long version) {

    /** Whether the document filed before is to be removed (an unticked box sends nothing). */
    public boolean removesDocument() {
        return Boolean.TRUE.equals(removeDocument);
    }

    public static PlanForm empty() {
        return new PlanForm(null, null, null, null);
    }

    public static PlanForm of(PlanView plan) {
        return plan == null ? empty() : new PlanForm(plan.planText(), null, null, plan.version());
    }
}
