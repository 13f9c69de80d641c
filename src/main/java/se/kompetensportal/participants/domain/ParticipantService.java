package se.kompetensportal.participants.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.qr.QrCodes;
import se.kompetensportal.shared.security.CurrentUser;
import se.kompetensportal.shared.web.PortalProperties;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.security.Role;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * The participant's own side: signing up, "Mina aktiviteter", cancelling, the certificate. Everything is scoped to the
 * signed-in user's own person record; another person's sign-up is "not found".
 */
@Service
public class ParticipantService {

    private final PersonRepository people;
    private final SignUpRepository signUps;
    private final SignUpService seats;
    private final PersonProfiles profiles;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final AccountsApi accounts;
    private final JdbcTemplate jdbc;
    private final PortalProperties portal;
    private final Clock clock;
    private final SignUpQuestions questions;
    private final ApprovalStore approvals;

    ParticipantService(PersonRepository people, SignUpRepository signUps, SignUpService seats, PersonProfiles profiles,
            ActivitiesApi activities, ProjectsApi projects, AccountsApi accounts, JdbcTemplate jdbc,
            PortalProperties portal, Clock clock, SignUpQuestions questions, ApprovalStore approvals) {
        this.approvals = approvals;
        this.questions = questions;
        this.portal = portal;
        this.people = people;
        this.signUps = signUps;
        this.seats = seats;
        this.profiles = profiles;
        this.activities = activities;
        this.projects = projects;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SignUpPage signUpPage(long activityId) {
        ActivityInfo activity = publicActivity(activityId);
        ProjectInfo project = projects.project(activity.projectId()).orElseThrow();
        Optional<Person> person = CurrentUser.get().flatMap(u -> people.findByUserId(u.id()));
        MySignUpView existing = person.flatMap(p -> signUps.findByActivityIdAndPersonId(activityId, p.getId()))
                .filter(s -> s.getStatus() != SignUpStatus.CANCELLED)
                .map(s -> view(s, activity, true)).orElse(null);
        return new SignUpPage(activity, project.name(), project.requiresPersonalId(),
                person.map(p -> p.getPersonalIdIndex() != null).orElse(false), project.dataProtectionUrl(),
                projects.targetGroups(activity.projectId()), projects.actors(activity.projectId()),
                person.isEmpty(), existing, closedReason(activity), questions.of(activityId),
                approvals.approvalDays(activityId));
    }

    @Transactional(readOnly = true)
    public SignUpForm signUpForm() {
        return SignUpForm.of(CurrentUser.get().flatMap(u -> people.findByUserId(u.id())).orElse(null));
    }

    /** Signs the current user up, creating or updating their person record from the form. */
    @Transactional
    public SignUpResult signUp(long activityId, SignUpForm form, Locale locale) {
        ActivityInfo activity = publicActivity(activityId);
        ProjectInfo project = projects.project(activity.projectId()).orElseThrow();
        PortalUser user = CurrentUser.require();
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
        List<SignUpQuestion> asked = questions.of(activityId);
        org.springframework.validation.Errors errors =
                new org.springframework.validation.BeanPropertyBindingResult(form, "signUpForm");
        questions.validate(asked, form.answers(), errors);
        if (errors.hasFieldErrors()) {
            // The controller checks first; a question added meanwhile is caught here.
            throw new FieldRejectedException(errors.getFieldError().getField(), errors.getFieldError().getCode(),
                    errors.getFieldError().getArguments());
        }
        Integer approvalDays = approvals.approvalDays(activityId);
        String manager = PersonProfiles.blankToNull(form.managerEmail());
        if (approvalDays != null && manager == null) {
            throw new FieldRejectedException("managerEmail", "signUp.managerEmail.required");
        }
        SignUpResult result = seats.signUp(activity, person, form.targetGroupId(),
                PersonProfiles.blankToNull(form.specialNeeds()), false,
                approvalDays == null ? null : manager.toLowerCase(Locale.ROOT));
        questions.save(result.signUpId(), asked, form.answers());
        return result;
    }

    @Transactional(readOnly = true)
    public List<MySignUpView> mySignUps() {
        Optional<Person> person = people.findByUserId(CurrentUser.require().id());
        if (person.isEmpty()) {
            return List.of();
        }
        List<SignUp> mine = signUps.findByPersonId(person.get().getId());
        Map<Long, ActivityInfo> infos = activities.activities(mine.stream().map(SignUp::getActivityId).toList())
                .stream().collect(Collectors.toMap(ActivityInfo::id, Function.identity()));
        Map<Long, BigDecimal> hours = hoursBySignUp(person.get().getId());
        return mine.stream().filter(s -> infos.containsKey(s.getActivityId()))
                .map(s -> view(s, infos.get(s.getActivityId()), false, hours.getOrDefault(s.getId(), BigDecimal.ZERO)))
                .sorted(Comparator.comparing(MySignUpView::firstStart, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @Transactional(readOnly = true)
    public MySignUpView mySignUp(long signUpId) {
        SignUp signUp = own(signUpId);
        ActivityInfo activity = activities.activity(signUp.getActivityId()).orElseThrow();
        return view(signUp, activity, true, hoursBySignUp(signUp.getPersonId()).getOrDefault(signUpId, BigDecimal.ZERO));
    }

    /** The participant cancels their own sign-up, until the activity's cancellation deadline. */
    @Transactional
    public void cancelMine(long signUpId) {
        SignUp signUp = own(signUpId);
        checkCancellable(signUp);
        seats.cancel(signUpId, CancelledBy.PARTICIPANT);
    }

    // The link in the mails: the token is the credential, no login needed.

    @Transactional(readOnly = true)
    public MySignUpView byToken(String token) {
        SignUp signUp = signUps.findByManageToken(token).orElseThrow(() -> new NotFoundException("SignUp", "token"));
        ActivityInfo activity = activities.activity(signUp.getActivityId()).orElseThrow();
        return view(signUp, activity, true, hoursBySignUp(signUp.getPersonId()).getOrDefault(signUp.getId(),
                BigDecimal.ZERO));
    }

    @Transactional
    public void cancelByToken(String token) {
        SignUp signUp = signUps.findByManageToken(token).orElseThrow(() -> new NotFoundException("SignUp", "token"));
        checkCancellable(signUp);
        seats.cancel(signUp.getId(), CancelledBy.PARTICIPANT);
    }

    /** The certificate of participation, for an activity that is completed and that the participant attended. */
    @Transactional(readOnly = true)
    public CertificateData certificate(long signUpId) {
        SignUp signUp = own(signUpId);
        ActivityInfo activity = activities.activity(signUp.getActivityId()).orElseThrow();
        BigDecimal hours = hoursBySignUp(signUp.getPersonId()).getOrDefault(signUpId, BigDecimal.ZERO);
        if (activity.status() != ActivityStatus.COMPLETED || hours.signum() == 0) {
            throw new BusinessRuleException("certificate.notAvailable", activity.title());
        }
        Person person = people.findById(signUp.getPersonId()).orElseThrow();
        ProjectInfo project = projects.project(activity.projectId()).orElseThrow();
        return new CertificateData(person.fullName(), activity.title(), project.name(), project.funderReference(),
                ParticipantMails.schedule(activities.sessions(activity.id())), hours, attendedSessions(signUpId),
                activities.sessions(activity.id()).size());
    }

    private void checkCancellable(SignUp signUp) {
        if (signUp.getStatus() == SignUpStatus.CANCELLED) {
            throw new BusinessRuleException("signUp.alreadyCancelled");
        }
        ActivityInfo activity = activities.activity(signUp.getActivityId()).orElseThrow();
        if (!activity.isCancellableBy(clock.instant())) {
            throw new BusinessRuleException("signUp.deadlinePassed", activity.title());
        }
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

    private SignUp own(long signUpId) {
        Person person = people.findByUserId(CurrentUser.require().id())
                .orElseThrow(() -> new NotFoundException("SignUp", signUpId));
        return signUps.findById(signUpId).filter(s -> s.getPersonId() == person.getId())
                .orElseThrow(() -> new NotFoundException("SignUp", signUpId));
    }

    private ActivityInfo publicActivity(long activityId) {
        return activities.activity(activityId)
                .filter(a -> a.status() != ActivityStatus.DRAFT)
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

    MySignUpView view(SignUp s, ActivityInfo activity, boolean withSchedule) {
        return view(s, activity, withSchedule, BigDecimal.ZERO);
    }

    private MySignUpView view(SignUp s, ActivityInfo activity, boolean withSchedule, BigDecimal hours) {
        long position = s.getStatus() == SignUpStatus.WAITING
                ? signUps.waitingPosition(s.getActivityId(), s.getWaitingSince()) : 0;
        Instant now = clock.instant();
        return new MySignUpView(s.getId(), activity.id(), activity.title(), activity.path(), activity.status(),
                s.getStatus(), position, activity.firstSessionStart(), activity.lastSessionEnd(), activity.place(),
                withSchedule ? ParticipantMails.schedule(activities.sessions(activity.id())) : List.of(),
                activity.cancellationDeadline(),
                s.getStatus() != SignUpStatus.CANCELLED && activity.isCancellableBy(now),
                activity.status() == ActivityStatus.COMPLETED && hours.signum() > 0, hours, s.getSpecialNeeds(),
                s.getManageToken(), CheckInCodes.display(s.getCheckInCode()),
                withSchedule && s.getStatus() == SignUpStatus.CONFIRMED && activity.lastSessionEnd() != null
                        && activity.lastSessionEnd().isAfter(now)
                        ? QrCodes.svg(portal.link(CheckInCodes.PATH + s.getCheckInCode()), s.getCheckInCode()) : null);
    }

    /** Hours attended per sign-up of a person. */
    private Map<Long, BigDecimal> hoursBySignUp(long personId) {
        return jdbc.query("""
                select sign_up_id, sum(minutes) as minutes from attendance
                where person_id = ? and attended group by sign_up_id""", rs -> {
            Map<Long, BigDecimal> hours = new java.util.HashMap<>();
            while (rs.next()) {
                hours.put(rs.getLong(1), BigDecimal.valueOf(rs.getLong(2)).divide(BigDecimal.valueOf(60), 1,
                        RoundingMode.DOWN));
            }
            return hours;
        }, personId);
    }

    private int attendedSessions(long signUpId) {
        Integer n = jdbc.queryForObject("select count(*) from attendance where sign_up_id = ? and attended",
                Integer.class, signUpId);
        return n == null ? 0 : n;
    }
}
