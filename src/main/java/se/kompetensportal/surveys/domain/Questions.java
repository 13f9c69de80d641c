package se.kompetensportal.surveys.domain;

import java.util.List;

import se.kompetensportal.shared.web.FieldRejectedException;

/** Turns the secretary's question form into a question, with the rules Bean Validation cannot express. */
final class Questions {

    /** The project's tracks or target groups as options: names in Swedish and English, and their ids. */
    record ProjectItems(List<String> namesSv, List<String> namesEn, List<Long> ids) {
    }

    static final int MAX_RANKED = 12;
    static final int MAX_SCALE_STEPS = 7;

    private Questions() {
    }

    /**
     * The question the form describes. {@code items} are the project's tracks or target groups when the form asks for
     * them as options ({@code null} otherwise).
     */
    static Question from(QuestionForm form, long id, int position, ProjectItems items) {
        QuestionKind kind = form.kind();
        boolean fromProject = form.projectItems() && kind.mayListProjectItems();
        if (form.projectItems() && !kind.mayListProjectItems()) {
            throw new FieldRejectedException("optionSource", "question.optionSource.choiceOnly");
        }
        List<String> sv;
        List<String> en;
        List<Long> ids = List.of();
        if (fromProject) {
            if (items == null || items.ids().size() < 2) {
                throw new FieldRejectedException("optionSource", "question.optionSource.tooFew");
            }
            sv = items.namesSv();
            en = items.namesEn();
            ids = items.ids();
        } else {
            sv = kind.hasOptions() ? QuestionStore.split(form.optionsSv()) : List.of();
            en = kind.hasOptions() ? QuestionStore.split(form.optionsEn()) : List.of();
        }
        if (kind.hasOptions() && sv.size() < 2) {
            throw new FieldRejectedException("optionsSv", kind == QuestionKind.MATRIX ? "question.rows.tooFew"
                    : "question.options.tooFew");
        }
        if (kind.hasOptions() && en.size() != sv.size()) {
            throw new FieldRejectedException("optionsEn", "question.options.mismatch", sv.size());
        }
        if (sv.size() > 30 || sv.stream().anyMatch(o -> o.length() > 200) || en.stream().anyMatch(o -> o.length() > 200)) {
            throw new FieldRejectedException("optionsSv", "question.options.tooLong");
        }
        if (kind == QuestionKind.RANKING && sv.size() > MAX_RANKED) {
            throw new FieldRejectedException("optionsSv", "question.ranking.tooMany", MAX_RANKED);
        }
        Integer max = null;
        if (kind == QuestionKind.CHOOSE_UP_TO) {
            if (form.maxChoices() == null || form.maxChoices() >= sv.size()) {
                throw new FieldRejectedException("maxChoices", "question.maxChoices.range", sv.size() - 1);
            }
            max = form.maxChoices();
        }
        List<String> scaleSv = kind == QuestionKind.MATRIX ? QuestionStore.split(form.scaleSv()) : List.of();
        List<String> scaleEn = kind == QuestionKind.MATRIX ? QuestionStore.split(form.scaleEn()) : List.of();
        if (!scaleSv.isEmpty() && (scaleSv.size() < 2 || scaleSv.size() > MAX_SCALE_STEPS
                || scaleSv.stream().anyMatch(s -> s.length() > 100))) {
            throw new FieldRejectedException("scaleSv", "question.scale.range", MAX_SCALE_STEPS);
        }
        if (scaleEn.size() != scaleSv.size()) {
            throw new FieldRejectedException("scaleEn", "question.scale.mismatch", scaleSv.size());
        }
        String key = form.statementKey() == null || form.statementKey().isBlank() ? null : form.statementKey().strip();
        if (key != null && kind != QuestionKind.AGREEMENT_SCALE) {
            throw new FieldRejectedException("statementKey", "question.statementKey.scaleOnly");
        }
        return new Question(id, form.position() != null ? form.position() : position, kind, form.textSv().strip(),
                form.textEn().strip(), form.required(), sv, en, key, form.agreeFrom(), form.targetPercent(),
                form.version() == null ? 0 : form.version(), max, scaleSv, scaleEn,
                fromProject ? form.optionSource() : null, ids);
    }
}
