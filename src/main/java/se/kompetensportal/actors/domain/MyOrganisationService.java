package se.kompetensportal.actors.domain;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.OrganisationParticipation;
import se.kompetensportal.participants.OrganisationParticipation.ActivityHours;
import se.kompetensportal.participants.OrganisationParticipation.PersonMonthHours;
import se.kompetensportal.projects.ActorProjects.ActorProject;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.excel.SpreadsheetWriter;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.surveys.SurveysApi;
import se.kompetensportal.shared.security.PortalUser;

/**
 * What an actor's contact person sees of their own organisation: its projects, its people's sign-ups and attendance,
 * their hours, and their evaluation results. Everything is read for the signed-in contact person's organisation (never
 * one named in the request) and only in projects it is an actor of.
 */
@Service
public class MyOrganisationService {

    private final ActorAccess access;
    private final OrganisationParticipation participation;
    private final ProjectsApi projects;
    private final SurveysApi surveys;
    private final ActorPlanRepository plans;
    private final MessageSource messages;

    MyOrganisationService(ActorAccess access, OrganisationParticipation participation, ProjectsApi projects,
            SurveysApi surveys, ActorPlanRepository plans, MessageSource messages) {
        this.access = access;
        this.participation = participation;
        this.projects = projects;
        this.surveys = surveys;
        this.plans = plans;
        this.messages = messages;
    }

    /** The contact person's organisation. */
    @Transactional(readOnly = true)
    public OrganisationInfo organisation(PortalUser user) {
        long id = access.organisation(user);
        return projects.organisation(id)
                .orElseThrow(() -> new AccessDeniedException("Organisation " + id + " of the contact person is gone"));
    }

    /** The projects the organisation is an actor in, with its people, hours and whether its plan is filed. */
    @Transactional(readOnly = true)
    public List<ProjectCard> overview(PortalUser user) {
        long organisationId = access.organisation(user);
        var filed = plans.findByIdOrganisationId(organisationId).stream().filter(p -> p.getFiledAt() != null)
                .map(ActorPlan::getProjectId).toList();
        return access.projects(user).stream().map(a -> {
            long projectId = a.project().id();
            var summary = participation.summary(projectId, organisationId);
            return new ProjectCard(a, summary.people(), summary.wholeHours(), filed.contains(projectId));
        }).toList();
    }

    /** The organisation's part in the project (404 when it is not an actor of it). */
    @Transactional(readOnly = true)
    public ActorProject project(PortalUser user, long projectId) {
        return access.inProject(user, projectId);
    }

    @Transactional(readOnly = true)
    public ParticipantsReport participants(PortalUser user, long projectId, Pageable pageable) {
        access.inProject(user, projectId);
        long organisationId = access.organisation(user);
        return new ParticipantsReport(participation.signUps(projectId, organisationId, pageable),
                participation.summary(projectId, organisationId));
    }

    @Transactional(readOnly = true)
    public HoursReport hours(PortalUser user, long projectId) {
        access.inProject(user, projectId);
        long organisationId = access.organisation(user);
        List<PersonMonthHours> perPerson = participation.hoursPerPersonAndMonth(projectId, organisationId);
        List<ActivityHours> perActivity = participation.hoursPerActivity(projectId, organisationId);
        Map<YearMonth, long[]> months = new TreeMap<>();
        for (PersonMonthHours h : perPerson) {
            long[] totals = months.computeIfAbsent(h.month(), m -> new long[2]);
            totals[0]++;
            totals[1] += h.wholeHours();
        }
        List<HoursReport.MonthTotal> totals = months.entrySet().stream()
                .map(e -> new HoursReport.MonthTotal(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new HoursReport(totals, perPerson, perActivity);
    }

    /** The hours as an Excel workbook: months, people per month, activities. */
    @Transactional(readOnly = true)
    public void exportHours(PortalUser user, long projectId, Locale locale, OutputStream out) {
        HoursReport report = hours(user, projectId);
        try (SpreadsheetWriter sheet = new SpreadsheetWriter()) {
            sheet.sheet(text("actors.hours.sheet.months", locale), List.of(text("actors.hours.month", locale),
                    text("actors.hours.people", locale), text("actors.hours.wholeHours", locale)));
            report.months().forEach(m -> sheet.row(m.month().toString(), m.people(), m.wholeHours()));
            sheet.row(text("actors.hours.total", locale), null, report.totalWholeHours());
            sheet.sheet(text("actors.hours.sheet.people", locale), List.of(text("actors.hours.month", locale),
                    text("actors.participants.name", locale), text("actors.hours.wholeHours", locale)));
            report.perPersonAndMonth().forEach(h -> sheet.row(h.month().toString(),
                    h.erased() ? text("actors.erasedPerson", locale) : h.firstName() + " " + h.lastName(),
                    h.wholeHours()));
            sheet.sheet(text("actors.hours.sheet.activities", locale), List.of(text("actors.hours.activity", locale),
                    text("actors.hours.firstDate", locale), text("actors.hours.people", locale),
                    text("actors.hours.hoursAttended", locale)));
            report.perActivity().forEach(a -> sheet.row(a.activityTitle(), a.firstSessionDate(), a.people(),
                    a.hours()));
            sheet.writeTo(out);
        }
    }

    /** Evaluation results of the organisation's staff; fewer than five answers to a statement are not shown. */
    @Transactional(readOnly = true)
    public EvaluationReport evaluations(PortalUser user, long projectId, LocalDate from, LocalDate to) {
        access.inProject(user, projectId);
        if (from != null && to != null && to.isBefore(from)) {
            throw new BusinessRuleException("actors.evaluations.periodReversed");
        }
        long organisationId = access.organisation(user);
        return new EvaluationReport(from, to, surveys.statementResults(projectId, from, to, organisationId),
                surveys.totals(projectId, from, to, organisationId));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
