package se.kompetensportal.activities.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import se.kompetensportal.activities.domain.ActivityDetails;
import se.kompetensportal.activities.domain.CatalogueFilter;
import se.kompetensportal.activities.domain.CatalogueService;
import se.kompetensportal.activities.domain.PrintedCatalogue;
import se.kompetensportal.activities.domain.PrintedCatalogueService;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.PortalProperties;
import se.kompetensportal.shared.web.Slugs;

/** The public course catalogue, its archive, the activity pages and the printed catalogue. No login needed. */
@Controller
@RequestMapping("/activities")
class CatalogueController {

    private final CatalogueService catalogue;
    private final PrintedCatalogueService printed;
    private final PortalProperties portal;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    CatalogueController(CatalogueService catalogue, PrintedCatalogueService printed, PortalProperties portal,
            MessageSource messages, Formats formats, Clock clock) {
        this.catalogue = catalogue;
        this.printed = printed;
        this.portal = portal;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping
    String upcoming(@ModelAttribute("filter") CatalogueFilter filter, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        model.addAttribute("catalogue", catalogue.upcoming(filter, page));
        model.addAttribute("archive", false);
        model.addAttribute("metaDescription", messages.getMessage("catalogue.meta", null, locale));
        model.addAttribute("canonicalUrl", portal.link("/activities"));
        return "activities/catalogue";
    }

    @GetMapping("/archive")
    String archive(@ModelAttribute("filter") CatalogueFilter filter, @RequestParam(defaultValue = "0") int page,
            Model model, Locale locale) {
        model.addAttribute("catalogue", catalogue.archive(filter, page));
        model.addAttribute("archive", true);
        model.addAttribute("metaDescription", messages.getMessage("catalogue.archive.meta", null, locale));
        model.addAttribute("canonicalUrl", portal.link("/activities/archive"));
        return "activities/catalogue";
    }

    /** An address without the title part, or with an outdated one, leads to the current address. */
    @GetMapping({"/{id:\\d+}", "/{id:\\d+}-{slug:[a-z0-9-]*}"})
    Object show(@PathVariable long id, @PathVariable(required = false) String slug, Model model) {
        ActivityDetails details = catalogue.details(id);
        if (!details.path().equals("/activities/" + id + (slug == null ? "" : "-" + slug))) {
            RedirectView redirect = new RedirectView(details.path());
            redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            redirect.setExposeModelAttributes(false);
            return redirect;
        }
        model.addAttribute("activity", details);
        model.addAttribute("metaDescription", details.summary(160));
        model.addAttribute("canonicalUrl", portal.link(details.path()));
        return "activities/public-detail";
    }

    /** The print-friendly catalogue of a project for a period (by default the coming six months, at most a year). */
    @GetMapping("/print")
    String print(@RequestParam(required = false) Long project, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Model model) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = end(start, to);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("projects", catalogue.projectsWithPublishedActivities());
        model.addAttribute("fmt", formats);
        if (project != null) {
            model.addAttribute("printed", printed.catalogue(project, start, end));
        }
        return "activities/print";
    }

    /** The catalogue as a PDF with an embedded font, for the staff to print (see the route rules). */
    @GetMapping("/print.pdf")
    ResponseEntity<byte[]> printPdf(@RequestParam long project, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, Locale locale) {
        LocalDate start = from != null ? from : LocalDate.now(clock);
        LocalDate end = end(start, to);
        PrintedCatalogue printedCatalogue = printed.catalogue(project, start, end);
        String filename = "kurskatalog-" + Slugs.of(printedCatalogue.project().shortName()) + "-" + start + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(printed.pdf(printedCatalogue, locale));
    }

    /** The end of a printed catalogue's period: as asked, but not before the start nor more than a year after it. */
    private static LocalDate end(LocalDate start, LocalDate to) {
        LocalDate end = to != null && !to.isBefore(start) ? to : start.plusMonths(6);
        return end.isAfter(start.plusYears(1)) ? start.plusYears(1) : end;
    }
}
