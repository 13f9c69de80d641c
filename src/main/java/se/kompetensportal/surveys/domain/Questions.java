package se.kompetensportal.surveys.domain;

import java.util.List;

import se.kompetensportal.shared.web.FieldRejectedException;

/** Turns the secretary's question form into a question, with the rules Bean Validation cannot express. */
final class Questions {

    private Questions() {
    }

    static Question from(QuestionForm form, long id, int position) {
        List<String> sv = form.kind().hasOptions() ? QuestionStore.split(form.optionsSv()) : List.of();
        List<String> en = form.kind().hasOptions() ? QuestionStore.split(form.optionsEn()) : List.of();
        if (form.kind().hasOptions() && sv.size() < 2) {
            throw new FieldRejectedException("optionsSv", "question.options.tooFew");
        }
        if (form.kind().hasOptions() && en.size() != sv.size()) {
            throw new FieldRejectedException("optionsEn", "question.options.mismatch", sv.size());
        }
        if (sv.size() > 30 || sv.stream().anyMatch(o -> o.length() > 200)) {
            throw new FieldRejectedException("optionsSv", "question.options.tooLong");
        }
        String key = form.statementKey() == null || form.statementKey().isBlank() ? null : form.statementKey().strip();
        if (key != null && form.kind() != QuestionKind.AGREEMENT_SCALE) {
            throw new FieldRejectedException("statementKey", "question.statementKey.scaleOnly");
        }
        return new Question(id, form.position() != null ? form.position() : position, form.kind(), form.textSv().strip(),
                form.textEn().strip(), form.required(), sv, en, key, form.agreeFrom(), form.targetPercent(),
                form.version() == null ? 0 : form.version());
    }
}
