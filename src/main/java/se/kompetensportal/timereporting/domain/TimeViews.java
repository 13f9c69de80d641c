package se.kompetensportal.timereporting.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.participants.ParticipantContacts.PersonContact;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.timereporting.LedgerLine;
import se.kompetensportal.timereporting.LedgerMonth;

/** Builds {@link MonthView}s: a constant number of queries for any number of months. */
@Component
class TimeViews {

    private final LedgerStore store;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final ParticipantContacts people;

    TimeViews(LedgerStore store, ActivitiesApi activities, ProjectsApi projects, ParticipantContacts people) {
        this.store = store;
        this.activities = activities;
        this.projects = projects;
        this.people = people;
    }

    MonthView view(LedgerMonth month, boolean withHistory) {
        return views(List.of(month), withHistory).getFirst();
    }

    List<MonthView> views(Collection<LedgerMonth> months, boolean withHistory) {
        Map<Long, List<LedgerLine>> lines = store.lines(months.stream().map(LedgerMonth::id).toList());
        Set<Long> activityIds = lines.values().stream().flatMap(List::stream).map(LedgerLine::activityId)
                .collect(Collectors.toSet());
        Map<Long, String> titles = activities.activities(activityIds).stream()
                .collect(Collectors.toMap(ActivityInfo::id, ActivityInfo::title));
        Map<Long, ProjectInfo> projectsById = new HashMap<>();
        projects.projects(months.stream().map(LedgerMonth::projectId).collect(Collectors.toSet()))
                .forEach(p -> projectsById.put(p.id(), p));
        Map<Long, PersonContact> contacts = people.contacts(months.stream().map(LedgerMonth::personId)
                .collect(Collectors.toSet()));
        return months.stream().map(m -> {
            ProjectInfo project = projectsById.get(m.projectId());
            PersonContact person = contacts.get(m.personId());
            List<MonthView.Line> monthLines = lines.getOrDefault(m.id(), List.of()).stream()
                    .map(l -> new MonthView.Line(l.date(), l.sessionId(), l.activityId(),
                            titles.getOrDefault(l.activityId(), ""), l.minutes(), l.sessionMinutes()))
                    .toList();
            return new MonthView(m, project == null ? "" : project.name(), project == null ? "" : project.shortName(),
                    person == null ? "" : person.name(), person == null ? null : person.email(),
                    person != null && person.reachable(), monthLines,
                    withHistory ? store.history(m.id()) : List.of());
        }).toList();
    }
}
