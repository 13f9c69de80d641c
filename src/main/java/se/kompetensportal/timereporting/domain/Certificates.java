package se.kompetensportal.timereporting.domain;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.participants.ParticipantContacts.PersonContact;
import se.kompetensportal.participants.ParticipantContacts;
import se.kompetensportal.participants.PersonalIdentities;
import se.kompetensportal.projects.OrganisationInfo;
import se.kompetensportal.projects.ProjectInfo;
import se.kompetensportal.projects.ProjectsApi;
import se.kompetensportal.shared.pdf.PdfRenderer;
import se.kompetensportal.shared.security.PortalUser;
import se.kompetensportal.shared.web.Formats;
import se.kompetensportal.shared.web.NotFoundException;
import se.kompetensportal.timereporting.LedgerMonth;
import se.kompetensportal.timereporting.MonthStatus;

/**
 * Time certificates (intyg av närvarotid), one per participant and month with whole hours: the project's name and
 * number, the participant with their personal identity number as the funder's template asks (each view logged in the
 * person's access log), the employer and its organisation number, each date with its time, the month's whole hours
 * (the month's total rounded down), how and when the month was confirmed, and signature lines for the paper route.
 * Only administrators and the project's secretaries; a month of another project answers 404.
 */
@Service
public class Certificates {

    /** One certificate with every text formatted for the PDF (which renders without the web page's helpers). */
    public record Certificate(long monthId, String projectName, String projectNumber, String personName,
            String identity, String employer, String orgNumber, String month, YearMonth yearMonth, List<Line> lines,
            long wholeHours, String total, MonthStatus status, String method, String confirmedAt) {

        public boolean confirmed() {
            return status == MonthStatus.CONFIRMED;
        }

        /** A safe file name: {@code 2026-01-Andersson-Anna-123.pdf}. */
        public String fileName() {
            String name = personName.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
            return yearMonth + "-" + name + "-" + monthId + ".pdf";
        }
    }

    public record Line(String date, String activity, String time) {
    }

    private static final String TEMPLATE = "pdf/timereporting/certificate";

    private final LedgerStore store;
    private final TimeViews views;
    private final ProjectsApi projects;
    private final ParticipantContacts people;
    private final PersonalIdentities identities;
    private final IdentityCodes codes;
    private final PdfRenderer pdf;

    Certificates(LedgerStore store, TimeViews views, ProjectsApi projects, ParticipantContacts people,
            PersonalIdentities identities, IdentityCodes codes, PdfRenderer pdf) {
        this.store = store;
        this.views = views;
        this.projects = projects;
        this.people = people;
        this.identities = identities;
        this.codes = codes;
        this.pdf = pdf;
    }

    /** The certificates of every participant with whole hours in the project's month, by name. */
    @Transactional
    public List<Certificate> ofMonth(PortalUser user, long projectId, YearMonth month, Locale locale) {
        long viewer = user.requireManage(projectId).id();
        return build(projectId, store.months(projectId, month, month), viewer, locale);
    }

    /** One person's certificate for a month. */
    @Transactional
    public Certificate ofPersonMonth(PortalUser user, long projectId, long monthId, Locale locale) {
        long viewer = user.requireManage(projectId).id();
        LedgerMonth month = store.month(monthId).filter(m -> m.projectId() == projectId && m.hasHours())
                .orElseThrow(() -> new NotFoundException("TimeMonth", monthId));
        return build(projectId, List.of(month), viewer, locale).getFirst();
    }

    /**
     * The certificates of these months of one project (those without whole hours left out), by name; the identity
     * numbers are logged as seen by {@code viewerUserId}. Unscoped: for the claim pack, whose requester was checked.
     */
    List<Certificate> build(long projectId, Collection<LedgerMonth> months, long viewerUserId, Locale locale) {
        ProjectInfo project = projects.project(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        List<LedgerMonth> withHours = months.stream().filter(LedgerMonth::hasHours).toList();
        List<Long> personIds = withHours.stream().map(LedgerMonth::personId).distinct().toList();
        Map<Long, PersonContact> contacts = people.contacts(personIds);
        Map<Long, PersonalIdentities.Identity> ids = identities.reveal(personIds, viewerUserId);
        Map<Long, OrganisationInfo> organisations = new HashMap<>();
        projects.organisations().forEach(o -> organisations.put(o.id(), o));
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        return views.views(withHours, false).stream().map(v -> {
            LedgerMonth m = v.month();
            PersonContact c = contacts.get(m.personId());
            OrganisationInfo employer = c == null || c.employerOrganisationId() == null ? null
                    : organisations.get(c.employerOrganisationId());
            String employerName = employer != null ? employer.name() : c == null || c.employerName() == null ? ""
                    : c.employerName();
            List<Line> lines = v.lines().stream().map(l -> new Line(DateTimeFormatter.ISO_LOCAL_DATE.format(l.date()),
                    l.activityTitle(), TimeMails.duration(l.minutes()))).toList();
            return new Certificate(m.id(), project.name(), project.funderReference() == null ? ""
                    : project.funderReference(), v.personName(), codes.certificate(ids.get(m.personId())), employerName,
                    employer == null || employer.orgNumber() == null ? "" : employer.orgNumber(),
                    monthName.format(m.month()), m.month(), lines, m.wholeHours(), TimeMails.duration(m.minutes()),
                    m.status(), m.method() == null ? null : m.method().name(),
                    m.answeredAt() == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(m.answeredAt()
                            .atZone(Formats.ZONE)));
        }).sorted(Comparator.comparing(Certificate::yearMonth)
                .thenComparing(Certificate::personName, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The certificates as one PDF, a page (or more) each. */
    public byte[] pdf(List<Certificate> certificates, Locale locale) {
        return pdf.render(TEMPLATE, Map.of("certificates", certificates), locale);
    }

    /** The certificates as a ZIP with one PDF each, written to {@code out} (left open). */
    public void zip(List<Certificate> certificates, OutputStream out, Locale locale) {
        try {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Certificate c : certificates) {
                zip.putNextEntry(new ZipEntry(c.fileName()));
                zip.write(pdf(List.of(c), locale));
                zip.closeEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the certificates' ZIP", e);
        }
    }
}
