package se.kompetensportal.participants.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivitiesApi;
import se.kompetensportal.activities.ActivityInfo;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.qr.QrCodes;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The participant's own sign-ups: "Mina aktiviteter", one sign-up's page (also by the link in the mails, whose token is
 * the credential), cancelling, the certificate. Scoped to the acting user's own person record; another person's
 * sign-up is "not found".
 */
@Service
public class MySignUps {

    private final PersonRepository people;
    private final SignUpRepository signUps;
    private final SignUpService seats;
    private final ActivitiesApi activities;
    private final ProjectsApi projects;
    private final JdbcTemplate jdbc;
    private final PortalProperties portal;
    private final Clock clock;

    MySignUps(PersonRepository people, SignUpRepository signUps, SignUpService seats, ActivitiesApi activities,
            ProjectsApi projects, JdbcTemplate jdbc, PortalProperties portal, Clock clock) {
        this.people = people;
        this.signUps = signUps;
        this.seats = seats;
        this.activities = activities;
        this.projects = projects;
        this.jdbc = jdbc;
        this.portal = portal;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MySignUpView> mySignUps(PortalUser user) {
        Optional<Person> person = people.findByUserId(user.id());
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
    public MySignUpView mySignUp(PortalUser user, long signUpId) {
        SignUp signUp = own(user, signUpId);
        ActivityInfo activity = activities.activity(signUp.getActivityId()).orElseThrow();
        return view(signUp, activity, true, hoursBySignUp(signUp.getPersonId()).getOrDefault(signUpId, BigDecimal.ZERO));
    }

    /** The participant cancels their own sign-up, until the activity's cancellation deadline. */
    @Transactional
    public void cancelMine(PortalUser user, long signUpId) {
        SignUp signUp = own(user, signUpId);
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
    public CertificateData certificate(PortalUser user, long signUpId) {
        SignUp signUp = own(user, signUpId);
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

    private SignUp own(PortalUser user, long signUpId) {
        Person person = people.findByUserId(user.id()).orElseThrow(() -> new NotFoundException("SignUp", signUpId));
        return signUps.findById(signUpId).filter(s -> s.getPersonId() == person.getId())
                .orElseThrow(() -> new NotFoundException("SignUp", signUpId));
    }

    /** The sign-up as its owner sees it; {@code withSchedule} adds the sessions and, with a seat, the check-in code. */
    MySignUpView view(SignUp s, ActivityInfo activity, boolean withSchedule, BigDecimal hours) {
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
