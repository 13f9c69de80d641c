package se.kompetensportal.surveys.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A survey's invitation and reminder texts in Swedish and English, with placeholders such as {name}. */
public record SurveyTextsForm(
        @NotBlank @Size(max = 200) String invitationSubjectSv,
        @NotBlank @Size(max = 5000) String invitationBodySv,
        @NotBlank @Size(max = 200) String invitationSubjectEn,
        @NotBlank @Size(max = 5000) String invitationBodyEn,
        @NotBlank @Size(max = 200) String reminderSubjectSv,
        @NotBlank @Size(max = 5000) String reminderBodySv,
        @NotBlank @Size(max = 200) String reminderSubjectEn,
        @NotBlank @Size(max = 5000) String reminderBodyEn,
        long version) {

    /** The subject and body fields by purpose and language, as {field name, value}. */
    String[][] fields() {
        return new String[][] {{"invitationSubjectSv", invitationSubjectSv}, {"invitationBodySv", invitationBodySv},
                {"invitationSubjectEn", invitationSubjectEn}, {"invitationBodyEn", invitationBodyEn},
                {"reminderSubjectSv", reminderSubjectSv}, {"reminderBodySv", reminderBodySv},
                {"reminderSubjectEn", reminderSubjectEn}, {"reminderBodyEn", reminderBodyEn}};
    }
}
