package se.kompetensportal.participants.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivitySnapshot;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The participant signing up: the sign-up page and form, and the sign-up itself, which creates or updates the acting
 * user's person record from the form. The participant's sign-ups after that are {@link MySignUps}.
 */
@Service
public class ParticipantService {

    private final PersonRepository people;
    private final SignUpRepository signUps;
    private final SignUpService seats;
    private final MySignUps mine;
    private final PersonProfiles profiles;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final Clock clock;
    private final SignUpQuestions questions;
    private final ApprovalStore approvals;

    ParticipantService(PersonRepository people, SignUpRepository signUps, SignUpService seats, MySignUps mine,
            PersonProfiles profiles, ActivitiesApi activities, ProjectsApi projects, AccountsApi accounts, Clock clock,
            SignUpQuestions questions, ApprovalStore approvals) {
        this.approvals = approvals;
        this.questions = questions;
        this.people = people;
        this.signUps = signUps;
        this.seats = seats;
        this.mine = mine;
        this.profiles = profiles;
        this.activities = activities;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The sign-up page of an activity for {@code user} ({@code null}: a visitor who is not signed in). */
    @Transactional(readOnly = true)
    public SignUpPage signUpPage(PortalUser user, long activityId) {
        ActivityInfo activity = publicActivity(activityId).info();
        ProjectInfo project = projects.project(activity.projectId()).orElseThrow();
        Optional<Person> person = Optional.ofNullable(user).flatMap(u -> people.findByUserId(u.id()));
        MySignUpView existing = person.flatMap(p -> signUps.findByActivityIdAndPersonId(activityId, p.getId()))
                .filter(s -> s.getStatus() != SignUpStatus.CANCELLED)
                .map(s -> mine.view(s, activity, true, BigDecimal.ZERO)).orElse(null);
        return new SignUpPage(activity, project.name(), project.requiresPersonalId(),
                person.map(p -> p.getPersonalIdIndex() != null).orElse(false), project.dataProtectionUrl(),
                projects.targetGroups(activity.projectId()), projects.actors(activity.projectId()),
                person.isEmpty(), existing, closedReason(activity), questions.of(activityId),
                approvals.approvalDays(activityId));
    }

    @Transactional(readOnly = true)
    public SignUpForm signUpForm(PortalUser user) {
        return SignUpForm.of(people.findByUserId(user.id()).orElse(null));
    }

    /**
     * Signs the acting user up, creating or updating their person record from the form. The answers to the activity's
     * questions and the manager's address (when the activity asks for approval) are checked into {@code errors}, with
     * whatever the form's own validation found there before; with any error nothing is saved and {@code null} is
     * returned. The activity, its questions and its approval setting are each read once.
     */
    @Transactional
    public SignUpResult signUp(PortalUser user, long activityId, SignUpForm form, Locale locale, Errors errors) {
        ActivitySnapshot snapshot = publicActivity(activityId);
        ActivityInfo activity = snapshot.info();
        List<SignUpQuestion> asked = questions.of(activityId);
        questions.validate(asked, form.answers(), errors);
        Integer approvalDays = approvals.approvalDays(activityId);
        String manager = PersonProfiles.blankToNull(form.managerEmail());
        if (approvalDays != null && manager == null && !errors.hasFieldErrors("managerEmail")) {
            errors.rejectValue("managerEmail", "signUp.managerEmail.required");
        }
        if (errors.hasErrors()) {
            return null;
        }
        ProjectInfo project = projects.project(activity.projectId()).orElseThrow();
        Person person = personOf(user, form, locale);
        if (project.requiresPersonalId() && person.getPersonalIdIndex() == null) {
            throw new FieldRejectedException("personalId", "person.personalId.required");
        }
        if (form.targetGroupId() != null && projects.targetGroups(activity.projectId()).stream()
                .noneMatch(g -> g.id() == form.targetGroupId())) {
            throw new FieldRejectedException("targetGroupId", "signUp.targetGroup.unknown");
        }
        if (!user.hasRole(Role.PARTICIPANT)) {
            accounts.ensureAccount(user.email(), person.fullName(), Role.PARTICIPANT);
        }
        SignUpResult result = seats.signUp(snapshot, person, form.targetGroupId(),
                PersonProfiles.blankToNull(form.specialNeeds()), false,
                approvalDays == null ? null : manager.toLowerCase(Locale.ROOT));
        questions.save(result.signUpId(), asked, form.answers());
        return result;
    }

    private Person personOf(PortalUser user, SignUpForm form, Locale locale) {
        Person person = people.findByUserId(user.id())
                .or(() -> people.findActiveByEmail(user.email()).filter(p -> p.getUserId() == null))
                .orElseGet(() -> new Person(user.email(), form.firstName(), form.lastName(), form.gender()));
        person.setUserId(user.id());
        person.setLocale(PersonProfiles.locale(locale));
        profiles.apply(form.profile(), person);
        return people.saveAndFlush(person);
    }

    private ActivitySnapshot publicActivity(long activityId) {
        return activities.snapshot(activityId)
                .filter(a -> a.info().status() != ActivityStatus.DRAFT)
                .orElseThrow(() -> new NotFoundException("Activity", activityId));
    }

    private String closedReason(ActivityInfo activity) {
        Instant now = clock.instant();
        if (activity.status() == ActivityStatus.CANCELLED) {
            return "signUp.activityCancelled";
        }
        if (activity.status() != ActivityStatus.PUBLISHED || !now.isBefore(activity.registrationCloses())) {
            return "signUp.closedInfo";
        }
        if (activity.registrationOpens() != null && now.isBefore(activity.registrationOpens())) {
            return "signUp.notYetOpenInfo";
        }
        return null;
    }
}
