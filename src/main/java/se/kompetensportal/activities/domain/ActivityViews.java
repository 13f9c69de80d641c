package se.kompetensportal.activities.domain;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import se.kompetensportal.activities.SessionInfo;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.web.NotFoundException;

/** Builds the view of one activity, with the names of its project, track and target groups. */
@Component
class ActivityViews {

    private final ProjectsApi projects;
    private final Clock clock;

    private final AccountsApi accounts;

    ActivityViews(ProjectsApi projects, AccountsApi accounts, Clock clock) {
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Call inside a transaction: reads the activity's sessions, trainers and target groups. */
    ActivityDetails details(Activity a) {
        ProjectInfo project = projects.project(a.getProjectId())
                .orElseThrow(() -> new NotFoundException("Project", a.getProjectId()));
        String trackName = projects.track(a.getTrackId()).map(TrackInfo::name).orElse("");
        List<TargetGroupInfo> groups = projects.targetGroups(a.getProjectId()).stream()
                .filter(g -> a.getTargetGroupIds().contains(g.id())).toList();
        List<SessionInfo> sessions = a.getSessions().stream().map(ActivitySession::info).toList();
        java.util.Map<Long, String> emails = accounts.users(a.getTrainers().stream().map(ActivityTrainer::getUserId)
                        .filter(java.util.Objects::nonNull).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(UserSummary::id, UserSummary::email));
        List<TrainerView> trainers = a.getTrainers().stream().map(t -> TrainerView.of(t, emails.get(t.getUserId())))
                .toList();
        int seatsLeft = Math.max(0, a.getSeats() - a.getSeatsTaken());
        return new ActivityDetails(a.getId(), a.getProjectId(), project.name(), project.shortName(), a.getTrackId(),
                trackName, a.getKind(), a.getTitle(), a.getDescription(), a.getLevel(), a.getLanguage(),
                a.getVenueName(), a.getVenueAddress(), a.getVenueCity(), a.isStepFreeAccess(), a.isHearingLoop(),
                a.getAccessibilityNotes(), a.getSeats(), a.getSeatsTaken(), a.getTargetParticipants(),
                a.getRegistrationOpens(), a.getRegistrationCloses(), a.getCancellationDeadline(), a.getStatus(),
                a.getCancelReason(), a.getFirstStart(), a.getLastEnd(), ActivitySession.hours(a.getTotalMinutes()),
                groups, sessions, trainers,
                GenderBalance.of(a.getTrainers().stream().map(ActivityTrainer::getGender).toList()),
                RegistrationState.of(a.getStatus(), a.getRegistrationOpens(), a.getRegistrationCloses(), seatsLeft,
                        clock.instant()),
                ActivityPaths.publicPath(a.getId(), a.getTitle()), a.getVersion());
    }
}
