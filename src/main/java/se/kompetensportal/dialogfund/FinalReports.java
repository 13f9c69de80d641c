package se.kompetensportal.dialogfund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved final reports, for the knowledge bank to publish as good examples (with the applicant's consent, which the
 * knowledge bank records). Only what the organisation wrote about its activity and the figures it reported: no contact
 * person, no organisation number, no money. Unscoped: callers check who may see the project's reports.
 */
@Service
@Transactional(readOnly = true)
public class FinalReports {

    /**
     * An approved final report and the application it reports on.
     *
     * @param participants the women and men the organisation reported as taking part
     * @param contactName  who applied for the organisation (whom to ask for consent to publish)
     */
    public record ApprovedReport(long applicationId, long projectId, String reference, String organisationName,
            String title, String description, String summary, LocalDate heldOn, LocalDate heldUntil, int participants,
            Instant approvedAt, String contactName) {
    }

    private static final String SELECT = """
            select a.id, f.projectId, a.reference, a.organisationName, a.title, a.description, r.summary, r.heldOn,
                r.heldUntil, r.participantsWomen + r.participantsMen, r.approvedAt, a.contactName
            from FinalReport r join Application a on a.id = r.applicationId join Fund f on f.id = a.fundId
            where r.status = se.kompetensportal.dialogfund.domain.ReportStatus.APPROVED""";

    private final EntityManager entityManager;

    FinalReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The project's approved final reports, the latest approved first. */
    public List<ApprovedReport> approved(long projectId) {
        return entityManager.createQuery(SELECT + " and f.projectId = :project order by r.approvedAt desc, a.id desc",
                Object[].class).setParameter("project", projectId).getResultStream().map(FinalReports::report).toList();
    }

    /** One approved final report, if the application has one. */
    public Optional<ApprovedReport> approved(long projectId, long applicationId) {
        return entityManager.createQuery(SELECT + " and f.projectId = :project and a.id = :application",
                        Object[].class)
                .setParameter("project", projectId).setParameter("application", applicationId)
                .getResultStream().findFirst().map(FinalReports::report);
    }

    private static ApprovedReport report(Object[] r) {
        return new ApprovedReport((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (LocalDate) r[7], (LocalDate) r[8], ((Number) r[9]).intValue(),
                (Instant) r[10], (String) r[11]);
    }
}
