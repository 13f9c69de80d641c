package se.kompetensportal.actors.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import se.kompetensportal.accounts.AccountsApi;
import se.kompetensportal.accounts.UserSummary;
import se.kompetensportal.actors.ActorPlanFiled;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ActorProjects;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.files.FileKind;
import se.kompetensportal.shared.files.FileKinds;
import se.kompetensportal.shared.files.FileNames;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.ConcurrentEditException;
import se.kompetensportal.shared.web.FieldRejectedException;
import se.kompetensportal.shared.web.NotFoundException;

/**
 * Actors' plans for further work: the contact person files and updates their organisation's plan (text and an
 * optional PDF or Word document, at most {@value #MAX_MEGABYTES} MB, recognised by its content); the project's staff
 * see every actor's plan and which actors have none. A document is handed only to the organisation's contact persons
 * and to those who manage the project; to anyone else it does not exist.
 */
@Service
public class ActorPlanService {

    public static final int MAX_MEGABYTES = 5;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;

    private final ActorPlanRepository plans;
    private final ActorPlanDocumentRepository documents;
    private final ActorAccess access;
    private final ProjectsApi projects;
    private final ActorProjects actorProjects;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActorPlanService(ActorPlanRepository plans, ActorPlanDocumentRepository documents, ActorAccess access,
            ProjectsApi projects, ActorProjects actorProjects, AccountsApi accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.plans = plans;
        this.actorProjects = actorProjects;
        this.documents = documents;
        this.access = access;
        this.projects = projects;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** The contact person's own organisation's plan in the project, or {@code null} when none is filed. */
    @Transactional(readOnly = true)
    public PlanView myPlan(PortalUser user, long projectId) {
        access.inProject(user, projectId);
        long organisationId = access.organisation(user);
        return plans.findById(new ActorPlanKey(projectId, organisationId)).map(p -> view(p, names(List.of(p)),
                organisationName(organisationId))).orElse(null);
    }

    /**
     * Files the contact person's organisation's plan, or updates it. The form must carry the version it was opened on
     * (none for a first filing); if someone saved the plan in between, nothing is changed and the 409 page is shown. A
     * rejected document leaves the plan as it was.
     */
    @Transactional
    public void file(PortalUser user, long projectId, PlanForm form) {
        access.inProject(user, projectId);
        long organisationId = access.organisation(user);
        Checked document = check(form.document());
        Instant now = clock.instant();
        ActorPlanKey key = new ActorPlanKey(projectId, organisationId);
        ActorPlan plan = plans.findById(key).orElse(null);
        if (plan == null) {
            if (form.version() != null) {
                throw new ConcurrentEditException("ActorPlan", projectId + "/" + organisationId);
            }
            plan = new ActorPlan(projectId, organisationId, form.planText().strip(), user.id(), now);
        } else {
            if (form.version() == null || !form.version().equals(plan.getVersion())) {
                throw new ConcurrentEditException("ActorPlan", projectId + "/" + organisationId);
            }
            plan.update(form.planText().strip(), user.id(), now);
        }
        if (document != null) {
            plan.attach(document.filename(), document.kind().contentType(), document.content().length, now);
        } else if (form.removesDocument()) {
            plan.detach();
        }
        try {
            plans.saveAndFlush(plan);
        } catch (DataIntegrityViolationException raced) {
            // Two first filings at once: the other one is kept.
            throw new ConcurrentEditException("ActorPlan", projectId + "/" + organisationId);
        }
        if (document != null) {
            documents.findById(key).ifPresentOrElse(d -> d.replace(document.content()),
                    () -> documents.save(new ActorPlanDocument(key, document.content())));
        } else if (form.removesDocument()) {
            documents.findById(key).ifPresent(documents::delete);
        }
        events.publishEvent(new ActorPlanFiled(projectId, organisationId));
    }

    /** The plan's document, for the organisation's contact persons and the project's staff; 404 for anyone else. */
    @Transactional(readOnly = true)
    public PlanDocument document(PortalUser user, long projectId, long organisationId) {
        if (!access.mayReadPlan(user, projectId, organisationId)) {
            throw new NotFoundException("ActorPlanDocument", projectId + "/" + organisationId);
        }
        ActorPlanKey key = new ActorPlanKey(projectId, organisationId);
        ActorPlan plan = plans.findById(key).filter(ActorPlan::hasDocument)
                .orElseThrow(() -> new NotFoundException("ActorPlanDocument", projectId + "/" + organisationId));
        byte[] content = documents.findById(key).map(ActorPlanDocument::getContent)
                .orElseThrow(() -> new NotFoundException("ActorPlanDocument", projectId + "/" + organisationId));
        return new PlanDocument(plan.getDocumentFilename(), plan.getDocumentType(), content);
    }

    /** The contact person's own organisation's document in the project. */
    @Transactional(readOnly = true)
    public PlanDocument myDocument(PortalUser user, long projectId) {
        access.inProject(user, projectId);
        return document(user, projectId, access.organisation(user));
    }

    /**
     * The project plan's actors (owner and partners, as the indicator counts them) and their plans (or none), plus any
     * other organisation of the project that filed one anyway; for those who follow the project (its staff and its
     * steering group, who read them).
     */
    @Transactional(readOnly = true)
    public ProjectPlans projectPlans(PortalUser user, long projectId) {
        user.requireFollow(projectId);
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        List<ActorPlan> filed = plans.findByIdProjectId(projectId);
        Map<Long, ActorPlan> byOrganisation = filed.stream()
                .collect(Collectors.toMap(ActorPlan::getOrganisationId, Function.identity()));
        Map<Long, String> names = names(filed);
        Set<Long> planActors = actorProjects.planActors(projectId);
        List<PlanRow> rows = projects.actors(projectId).stream()
                .filter(o -> planActors.contains(o.id()) || byOrganisation.containsKey(o.id())).map(o -> {
            ActorPlan plan = byOrganisation.get(o.id());
            return new PlanRow(o, plan == null ? null : view(plan, names, o.name()));
        }).toList();
        return new ProjectPlans(project, rows);
    }

    /** One actor's plan, for those who follow the project; 404 when the actor has filed none. */
    @Transactional(readOnly = true)
    public PlanView plan(PortalUser user, long projectId, long organisationId) {
        user.requireFollow(projectId);
        ActorPlan plan = plans.findById(new ActorPlanKey(projectId, organisationId))
                .orElseThrow(() -> new NotFoundException("ActorPlan", projectId + "/" + organisationId));
        return view(plan, names(List.of(plan)), organisationName(organisationId));
    }

    /** The projects the current user follows (manages or steers), with how many of their plan's actors have filed. */
    @Transactional(readOnly = true)
    public List<ProjectPlanCount> managedProjects(PortalUser user) {
        return projects.projects().stream().filter(p -> user.canFollowProject(p.id()))
                .map(p -> {
                    Set<Long> planActors = actorProjects.planActors(p.id());
                    return new ProjectPlanCount(p, planActors.size(), plans.findByIdProjectId(p.id()).stream()
                            .filter(a -> a.getFiledAt() != null && planActors.contains(a.getOrganisationId())).count());
                })
                .toList();
    }

    /** A project and how many of its actors have a plan. */
    public record ProjectPlanCount(ProjectInfo project, int actors, long filed) {
    }

    private Checked check(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > MAX_BYTES) {
            throw new FieldRejectedException("document", "actors.plan.document.tooLarge", MAX_MEGABYTES);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FileKind kind = FileKinds.detect(content).filter(k -> !k.isImage())
                .orElseThrow(() -> new FieldRejectedException("document", "actors.plan.document.wrongType"));
        return new Checked(FileNames.sanitise(file.getOriginalFilename(), kind, "plan"), kind, content);
    }

    private record Checked(String filename, FileKind kind, byte[] content) {
    }

    private PlanView view(ActorPlan p, Map<Long, String> names, String organisationName) {
        return new PlanView(p.getProjectId(), p.getOrganisationId(), organisationName, p.getPlanText(),
                p.getFiledAt(), names.get(p.getFiledBy()), p.getUpdatedAt(), names.get(p.getUpdatedBy()),
                p.getDocumentFilename(), p.getDocumentType(), p.getDocumentSize(), p.getDocumentUploadedAt(),
                p.getVersion());
    }

    private Map<Long, String> names(List<ActorPlan> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(p -> {
            if (p.getFiledBy() != null) {
                ids.add(p.getFiledBy());
            }
            if (p.getUpdatedBy() != null) {
                ids.add(p.getUpdatedBy());
            }
        });
        return accounts.users(ids).stream().collect(Collectors.toMap(UserSummary::id, UserSummary::displayName));
    }

    private String organisationName(long organisationId) {
        return projects.organisation(organisationId).map(OrganisationInfo::name).orElse("");
    }
}
