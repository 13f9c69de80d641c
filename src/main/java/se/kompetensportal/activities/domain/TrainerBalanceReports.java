package se.kompetensportal.activities.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TrackInfo;
import org.springframework.security.access.AccessDeniedException;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.NotFoundException;

/** The gender balance of a project's trainers: the whole project, per track and per activity. */
@Service
public class TrainerBalanceReports {

    private final ActivityTrainerRepository trainers;
    private final ProjectsApi projects;
    private final EntityManager entityManager;

    TrainerBalanceReports(ActivityTrainerRepository trainers, ProjectsApi projects, EntityManager entityManager) {
        this.trainers = trainers;
        this.projects = projects;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public BalanceReport balance(PortalUser user, long projectId) {
        if (!user.canManageProject(projectId)) {
            throw new AccessDeniedException("Project " + projectId + " is not managed by user " + user.id());
        }
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        List<TrackInfo> tracks = projects.tracks(projectId);
        Map<Long, GenderBalance> byTrack = GenderBalance.byKey(trainers.countByTrack(projectId));
        GenderBalance whole = GenderBalance.byKey(trainers.countByProject(List.of(projectId)))
                .getOrDefault(projectId, GenderBalance.NONE);
        Map<Long, String> trackNames = tracks.stream().collect(Collectors.toMap(TrackInfo::id, TrackInfo::name));
        List<Object[]> rows = entityManager.createQuery("""
                select a.id, a.title, a.trackId, t.gender from ActivityTrainer t join t.activity a
                where a.projectId = :projectId and a.status <> se.kompetensportal.activities.ActivityStatus.CANCELLED
                order by a.firstStart, a.id""", Object[].class).setParameter("projectId", projectId).getResultList();
        Map<Long, List<Object[]>> byActivity = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byActivity.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(r));
        List<BalanceReport.ActivityBalance> perActivity = byActivity.values().stream()
                .map(list -> new BalanceReport.ActivityBalance((Long) list.getFirst()[0], (String) list.getFirst()[1],
                        trackNames.getOrDefault((Long) list.getFirst()[2], ""),
                        GenderBalance.of(list.stream().map(r -> (TrainerGender) r[3]).toList())))
                .toList();
        return new BalanceReport(project, whole,
                tracks.stream().map(t -> new BalanceReport.TrackBalance(t, byTrack.getOrDefault(t.id(), GenderBalance.NONE)))
                        .toList(),
                perActivity);
    }
}
