package se.kompetensportal.newsletter.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.kompetensportal.newsletter.domain.IssueContent;
import se.kompetensportal.newsletter.domain.NewsletterArchive;
import se.kompetensportal.shared.web.PortalProperties;

/** A sent issue's web version, in the project's public archive. */
@Controller
class ArchiveController {

    private final NewsletterArchive archive;
    private final PortalProperties portal;

    ArchiveController(NewsletterArchive archive, PortalProperties portal) {
        this.archive = archive;
        this.portal = portal;
    }

    @GetMapping("/projects/{slug:[a-z0-9-]+}/newsletters/{number:\\d{1,6}}")
    String issue(@PathVariable String slug, @PathVariable int number, Model model) {
        IssueContent content = archive.issue(slug, number);
        model.addAttribute("letter", content);
        model.addAttribute("canonicalUrl", portal.link(content.archivePath()));
        return "newsletter/archive";
    }
}
