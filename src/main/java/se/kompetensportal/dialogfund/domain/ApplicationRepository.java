package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

    String ITEM = """
            select new se.kompetensportal.dialogfund.domain.ApplicationListItem(a.id, a.reference, a.title,
                a.organisationName, a.status, a.amountRequested, a.grantedAmount, a.submittedAt, a.reportDue, f.id,
                f.year, f.projectId,
                (select r.status from FinalReport r where r.applicationId = a.id),
            """;

    @Query(ITEM + """
                0L, cast(null as Double), 0L)
            from Application a join Fund f on f.id = a.fundId
            where a.ownerId = :ownerId
            order by a.createdAt desc""")
    List<ApplicationListItem> listOfOwner(long ownerId);

    @Query(ITEM + """
                (select count(v) from Review v where v.applicationId = a.id),
                (select avg(s) from Review v join v.scores s where v.applicationId = a.id),
                0L)
            from Application a join Fund f on f.id = a.fundId
            where f.id = :fundId and (:status is null or a.status = :status)
            order by a.submittedAt desc nulls last, a.id desc""")
    List<ApplicationListItem> listOfFund(long fundId, ApplicationStatus status);

    @Query(ITEM + """
                0L, cast(null as Double),
                (select count(v) from Review v where v.applicationId = a.id and v.reviewerId = :reviewerId))
            from Application a join Fund f on f.id = a.fundId
            where f.id in :fundIds and a.status <> se.kompetensportal.dialogfund.domain.ApplicationStatus.DRAFT
              and (:status is null or a.status = :status)
            order by a.submittedAt desc, a.id desc""")
    List<ApplicationListItem> listForReviewer(Collection<Long> fundIds, long reviewerId, ApplicationStatus status);

    @Query("""
            select new se.kompetensportal.dialogfund.domain.StatusCount(a.status, count(a))
            from Application a where a.fundId = :fundId group by a.status""")
    List<StatusCount> countByStatus(long fundId);

    Optional<Application> findByIdAndOwnerId(long id, long ownerId);

    Optional<Application> findFirstByOwnerIdAndOrganisationNameIsNotNullOrderByUpdatedAtDesc(long ownerId);

    @Query("select a.fundId from Application a where a.id = :id")
    Optional<Long> fundIdOf(long id);

    /** Granted applications whose final report was due before the day and has not been submitted. */
    @Query("""
            select a from Application a
            where a.status = se.kompetensportal.dialogfund.domain.ApplicationStatus.GRANTED
              and a.reportDue < :day
              and not exists (select r from FinalReport r where r.applicationId = a.id)
            order by a.reportDue, a.id""")
    List<Application> withReportOverdueOn(LocalDate day);
}
