package se.kompetensportal.activities.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.activities.ActivityStatus;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.projects.TargetGroupInfo;
import se.kompetensportal.projects.TrackInfo;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.shared.web.PortalProperties;

/**
 * The printed course catalogue: a project's published activities with a session in a period, grouped by track in the
 * project's order, as a print-friendly page and as a PDF with an embedded font.
 */
@Service
public class PrintedCatalogueService {

    public static final String PDF_TEMPLATE = "pdf/activities/catalogue";

    private final ActivityRepository activities;
    private final ProjectsApi projects;
    private final PdfRenderer pdf;
    private final PortalProperties portal;

    PrintedCatalogueService(ActivityRepository activities, ProjectsApi projects, PdfRenderer pdf,
            PortalProperties portal) {
        this.activities = activities;
        this.projects = projects;
        this.pdf = pdf;
        this.portal = portal;
    }

    @Transactional(readOnly = true)
    public PrintedCatalogue catalogue(long projectId, LocalDate from, LocalDate to) {
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        Instant start = Times.instant(from.atStartOfDay());
        Instant end = Times.instant(to.plusDays(1).atStartOfDay());
        Map<Long, String> groupNames = projects.targetGroups(projectId).stream()
                .collect(Collectors.toMap(TargetGroupInfo::id, TargetGroupInfo::label));
        List<Activity> inPeriod = activities.findByProjectWithSessions(projectId, EnumSet.of(ActivityStatus.PUBLISHED))
                .stream()
                .filter(a -> a.getSessions().stream().anyMatch(s -> !s.getStartsAt().isBefore(start) && s.getStartsAt().isBefore(end)))
                .sorted(Comparator.comparing(Activity::getFirstStart).thenComparing(Activity::getId))
                .toList();
        List<PrintedCatalogue.Track> tracks = new ArrayList<>();
        for (TrackInfo track : projects.tracks(projectId)) {
            List<PrintedCatalogue.Entry> entries = inPeriod.stream().filter(a -> a.getTrackId() == track.id())
                    .map(a -> entry(a, groupNames)).toList();
            if (!entries.isEmpty()) {
                tracks.add(new PrintedCatalogue.Track(track.name(), entries));
            }
        }
        return new PrintedCatalogue(project, from, to, tracks, portal.link("/activities?project=" + projectId));
    }

    /** The catalogue as a PDF in the given language. */
    public byte[] pdf(PrintedCatalogue catalogue, Locale locale) {
        return pdf.render(PDF_TEMPLATE, Map.of("catalogue", catalogue, "fmt", new Formats()),
                locale);
    }

    private PrintedCatalogue.Entry entry(Activity a, Map<Long, String> groupNames) {
        return new PrintedCatalogue.Entry(a.getId(), a.getTitle(), a.getKind(), a.getLevel(), a.getDescription(),
                a.getSessions().stream().map(ActivitySession::info).toList(), ActivitySession.hours(a.getTotalMinutes()),
                Activity.venueLine(a.getVenueName(), a.getVenueAddress(), a.getVenueCity()),
                a.getSessions().stream().anyMatch(s -> s.getOnlineUrl() != null),
                a.getTargetGroupIds().stream().map(groupNames::get).filter(java.util.Objects::nonNull).sorted().toList(),
                a.getSeats(), a.getRegistrationOpens(), a.getRegistrationCloses(),
                portal.link(ActivityPaths.publicPath(a.getId(), a.getTitle())));
    }
}
