package se.kompetensportal.surveys.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.PersonSelection;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/** The named responses of an identified survey, for those who manage its project only. */
@Service
@Transactional(readOnly = true)
public class IdentifiedResponses {

    /** One answer of a named response, for identified surveys. */
    public record NamedResponse(String name, String email, String organisation, LocalDate answeredOn,
            List<String> answers) {
    }

    public record NamedResponses(SurveyView survey, List<String> questions, List<NamedResponse> responses) {
    }

    private final ResponseStore responses;
    private final SurveyStore surveys;
    private final QuestionStore questions;
    private final SurveyViews views;
    private final PersonSelection people;
    private final ProjectsApi projects;

    IdentifiedResponses(ResponseStore responses, SurveyStore surveys, QuestionStore questions, SurveyViews views,
            PersonSelection people, ProjectsApi projects) {
        this.responses = responses;
        this.surveys = surveys;
        this.questions = questions;
        this.views = views;
        this.people = people;
        this.projects = projects;
    }

    /** Every response of an identified survey with the respondent's name, for the project's staff only. */
    public NamedResponses namedResponses(PortalUser user, long id, Locale locale) {
        Evaluation e = views.managed(user, id);
        if (!e.identified()) {
            throw new NotFoundException("NamedResponses", id);
        }
        List<Question> asked = questions.ofEvaluation(id);
        List<NamedResponse> result = new ArrayList<>();
        Map<Long, String> organisations = projects.organisations().stream()
                .collect(Collectors.toMap(OrganisationInfo::id, OrganisationInfo::name));
        List<Object[]> rows = responses.identifiedResponses(id);
        Map<Long, PersonSelection.Contact> persons = people.contacts(rows.stream().map(r -> (Long) r[2])
                .filter(p -> p != null).toList());
        Map<Long, SurveyStore.Contact> contacts = surveys.contacts(rows.stream().map(r -> (Long) r[3])
                .filter(p -> p != null).toList());
        Map<UUID, List<AnswerSheet.Value>> answers = responses.answersOfIdentified(id);
        for (Object[] r : rows) {
            UUID response = (UUID) r[0];
            String name = null;
            String email = null;
            if (r[2] != null && persons.containsKey((Long) r[2])) {
                PersonSelection.Contact c = persons.get((Long) r[2]);
                name = c.firstName() + " " + c.lastName();
                email = c.email();
            } else if (r[3] != null && contacts.containsKey((Long) r[3])) {
                name = contacts.get((Long) r[3]).name();
                email = contacts.get((Long) r[3]).email();
            }
            List<AnswerSheet.Value> values = answers.getOrDefault(response, List.of());
            result.add(new NamedResponse(name, email, r[4] == null ? null : organisations.get((Long) r[4]),
                    (LocalDate) r[1], asked.stream().map(q -> AnswerTexts.of(q, values, locale)).toList()));
        }
        return new NamedResponses(views.view(e, locale), asked.stream().map(q -> q.text(locale)).toList(), result);
    }
}
