package se.kompetensportal.knowledge.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import se.kompetensportal.knowledge.KnowledgeKind;
import se.kompetensportal.knowledge.domain.KnowledgeCatalogue;
import se.kompetensportal.knowledge.domain.KnowledgeFilter;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/** The public knowledge bank: the list with filters and search, each item's page, its files, and the Atom feed. */
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

    private final KnowledgeCatalogue catalogue;
    private final KnowledgeFeed feed;
    private final ProjectsApi projects;
    private final PortalProperties portal;
    private final MessageSource messages;

    KnowledgeController(KnowledgeCatalogue catalogue, KnowledgeFeed feed, ProjectsApi projects,
            PortalProperties portal, MessageSource messages) {
        this.catalogue = catalogue;
        this.feed = feed;
        this.projects = projects;
        this.portal = portal;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long project, @RequestParam(required = false) Long track,
            @RequestParam(required = false) KnowledgeKind kind, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, Locale locale, Model model) {
        KnowledgeFilter filter = new KnowledgeFilter(project, track, kind, q);
        model.addAttribute("filter", filter);
        model.addAttribute("facets", catalogue.facets());
        model.addAttribute("kinds", KnowledgeKind.values());
        model.addAttribute("page", catalogue.search(filter, Math.max(0, page)));
        model.addAttribute("metaDescription", messages.getMessage("knowledge.meta", null, locale));
        model.addAttribute("canonicalUrl", portal.link("/knowledge"));
        return "knowledge/list";
    }

    /** An address without the title part, or with an outdated one, leads to the current address. */
    @GetMapping({"/{id:\\d+}", "/{id:\\d+}-{slug:[a-z0-9-]*}"})
    Object show(@PathVariable long id, @PathVariable(required = false) String slug, Model model) {
        KnowledgeCatalogue.Details details = catalogue.details(id);
        String path = details.item().path();
        if (!path.equals("/knowledge/" + id + (slug == null ? "" : "-" + slug))) {
            RedirectView redirect = new RedirectView(path);
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setExposeModelAttributes(false);
            return redirect;
        }
        model.addAttribute("details", details);
        model.addAttribute("metaDescription", details.item().summary());
        model.addAttribute("canonicalUrl", portal.link(path));
        return "knowledge/item";
    }

    @GetMapping("/{id:\\d+}/files/{fileId:\\d+}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return Files.of(catalogue.file(id, fileId), true);
    }

    /**
     * The latest published items as an Atom feed (RFC 4287), of one project or track, or of all. A parameter that is
     * not a number answers 400, an unknown project or track 404.
     */
    @GetMapping("/feed.atom")
    ResponseEntity<byte[]> feed(@RequestParam(required = false) Long project,
            @RequestParam(required = false) Long track, Locale locale) {
        if (project != null && projects.project(project).isEmpty()) {
            throw new NotFoundException("Project", project);
        }
        if (track != null && projects.track(track).filter(t -> project == null || t.projectId() == project).isEmpty()) {
            throw new NotFoundException("Track", track);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(feed.write(project, track, locale));
    }
}
