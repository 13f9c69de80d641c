package se.kompetensportal.projects.domain;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.BusinessRuleException;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/** The thematic tracks and target groups of a project. */
@Service
public class ProjectStructureService {

    private final ProjectRepository projects;
    private final TrackRepository tracks;
    private final TargetGroupRepository targetGroups;

    ProjectStructureService(ProjectRepository projects, TrackRepository tracks, TargetGroupRepository targetGroups) {
        this.projects = projects;
        this.tracks = tracks;
        this.targetGroups = targetGroups;
    }

    @Transactional(readOnly = true)
    public String projectName(PortalUser user, long projectId) {
        user.requireManage(projectId);
        return projects.findById(projectId).map(Project::getName)
                .orElseThrow(() -> new NotFoundException("Project", projectId));
    }

    // tracks ---------------------------------------------------------------------------------------------------------

    @Transactional
    public long addTrack(PortalUser user, long projectId, TrackForm form) {
        requireProject(user, projectId);
        if (tracks.existsByProjectIdAndNameIgnoreCase(projectId, form.name().strip())) {
            throw new FieldRejectedException("name", "track.name.taken");
        }
        Track track = new Track(projectId, tracks.maxPosition(projectId) + 1, form.name().strip(),
                ProjectForm.blankToNull(form.description()));
        return tracks.save(track).getId();
    }

    @Transactional(readOnly = true)
    public TrackForm trackForm(PortalUser user, long projectId, long trackId) {
        Track track = findTrack(user, projectId, trackId);
        return new TrackForm(track.getName(), track.getDescription(), track.getVersion());
    }

    @Transactional
    public void updateTrack(PortalUser user, long projectId, long trackId, TrackForm form) {
        Track track = findTrack(user, projectId, trackId);
        if (form.version() == null || form.version() != track.getVersion()) {
            throw new ConcurrentEditException("Track", trackId);
        }
        if (tracks.existsByProjectIdAndNameIgnoreCaseAndIdNot(projectId, form.name().strip(), trackId)) {
            throw new FieldRejectedException("name", "track.name.taken");
        }
        track.setName(form.name().strip());
        track.setDescription(ProjectForm.blankToNull(form.description()));
    }

    /** Moves a track one step up ({@code -1}) or down ({@code +1}) in the project's order. */
    @Transactional
    public void moveTrack(PortalUser user, long projectId, long trackId, int direction) {
        findTrack(user, projectId, trackId);
        List<Track> ordered = tracks.findByProjectIdOrderByPosition(projectId);
        int index = -1;
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).getId() == trackId) {
                index = i;
            }
        }
        int other = index + Integer.signum(direction);
        if (index < 0 || other < 0 || other >= ordered.size()) {
            return;
        }
        Track a = ordered.get(index);
        Track b = ordered.get(other);
        int position = a.getPosition();
        a.setPosition(b.getPosition());
        b.setPosition(position);
    }

    @Transactional
    public void deleteTrack(PortalUser user, long projectId, long trackId) {
        Track track = findTrack(user, projectId, trackId);
        try {
            tracks.delete(track);
            tracks.flush();
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("track.delete.inUse", track.getName());
        }
    }

    // target groups --------------------------------------------------------------------------------------------------

    @Transactional
    public long addTargetGroup(PortalUser user, long projectId, TargetGroupForm form) {
        requireProject(user, projectId);
        if (targetGroups.existsByProjectIdAndCode(projectId, form.code().strip())) {
            throw new FieldRejectedException("code", "targetGroup.code.taken");
        }
        return targetGroups.save(new TargetGroup(projectId, form.code().strip(), form.name().strip())).getId();
    }

    @Transactional(readOnly = true)
    public TargetGroupForm targetGroupForm(PortalUser user, long projectId, long targetGroupId) {
        TargetGroup group = findTargetGroup(user, projectId, targetGroupId);
        return new TargetGroupForm(group.getCode(), group.getName(), group.getVersion());
    }

    @Transactional
    public void updateTargetGroup(PortalUser user, long projectId, long targetGroupId, TargetGroupForm form) {
        TargetGroup group = findTargetGroup(user, projectId, targetGroupId);
        if (form.version() == null || form.version() != group.getVersion()) {
            throw new ConcurrentEditException("TargetGroup", targetGroupId);
        }
        if (targetGroups.existsByProjectIdAndCodeAndIdNot(projectId, form.code().strip(), targetGroupId)) {
            throw new FieldRejectedException("code", "targetGroup.code.taken");
        }
        group.setCode(form.code().strip());
        group.setName(form.name().strip());
    }

    @Transactional
    public void deleteTargetGroup(PortalUser user, long projectId, long targetGroupId) {
        TargetGroup group = findTargetGroup(user, projectId, targetGroupId);
        try {
            targetGroups.delete(group);
            targetGroups.flush();
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("targetGroup.delete.inUse", group.getCode());
        }
    }

    private void requireProject(PortalUser user, long projectId) {
        user.requireManage(projectId);
        if (!projects.existsById(projectId)) {
            throw new NotFoundException("Project", projectId);
        }
    }

    private Track findTrack(PortalUser user, long projectId, long trackId) {
        user.requireManage(projectId);
        return tracks.findByIdAndProjectId(trackId, projectId).orElseThrow(() -> new NotFoundException("Track", trackId));
    }

    private TargetGroup findTargetGroup(PortalUser user, long projectId, long targetGroupId) {
        user.requireManage(projectId);
        return targetGroups.findByIdAndProjectId(targetGroupId, projectId)
                .orElseThrow(() -> new NotFoundException("TargetGroup", targetGroupId));
    }
}
