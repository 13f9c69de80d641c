package se.kompetensportal.dialogfund.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import se.kompetensportal.dialogfund.FundFigures;

public interface FundRepository extends JpaRepository<Fund, Long> {

    /** The figures of each fund: one aggregate over its applications, no rows loaded. */
    String FIGURES = """
            select new se.kompetensportal.dialogfund.FundFigures(f.id, f.projectId, f.year, f.totalAmount,
                sum(case when a.status in (se.kompetensportal.dialogfund.domain.ApplicationStatus.GRANTED,
                                           se.kompetensportal.dialogfund.domain.ApplicationStatus.CARRIED_OUT)
                         then a.grantedAmount end),
                f.remainingAmount,
                sum(case when a.status <> se.kompetensportal.dialogfund.domain.ApplicationStatus.DRAFT then 1 else 0 end),
                sum(case when a.status in (se.kompetensportal.dialogfund.domain.ApplicationStatus.GRANTED,
                                           se.kompetensportal.dialogfund.domain.ApplicationStatus.CARRIED_OUT)
                         then 1 else 0 end),
                sum(case when a.status = se.kompetensportal.dialogfund.domain.ApplicationStatus.REJECTED then 1 else 0 end),
                sum(case when a.status = se.kompetensportal.dialogfund.domain.ApplicationStatus.CARRIED_OUT then 1 else 0 end),
                f.targetApplications, f.targetCarriedOut)
            from Fund f left join Application a on a.fundId = f.id
            """;
    String GROUP = " group by f.id, f.projectId, f.year, f.totalAmount, f.remainingAmount, f.targetApplications,"
            + " f.targetCarriedOut";

    @Query(FIGURES + " where f.projectId = :projectId" + GROUP + " order by f.year")
    List<FundFigures> figuresOfProject(long projectId);

    @Query(FIGURES + " where f.projectId = :projectId and f.year = :year" + GROUP)
    Optional<FundFigures> figuresOfProjectYear(long projectId, int year);

    @Query(FIGURES + " where f.id = :fundId" + GROUP)
    FundFigures figuresOfFund(long fundId);

    @Query(FIGURES + " where f.projectId in :projectIds" + GROUP + " order by f.year desc, f.projectId")
    List<FundFigures> figuresOfProjects(Collection<Long> projectIds);

    @Query(FIGURES + GROUP + " order by f.year desc, f.projectId")
    List<FundFigures> figuresOfAll();

    /** The fund, locked until the transaction ends: decisions on one fund wait for each other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from Fund f where f.id = :id")
    Optional<Fund> lockById(long id);

    boolean existsByProjectIdAndYear(long projectId, int year);

    Optional<Fund> findFirstByProjectIdAndYearLessThanOrderByYearDesc(long projectId, int year);

    /** Funds with an application period that has not ended. */
    @Query("""
            select f from Fund f
            where exists (select p from FundPeriod p where p.fundId = f.id and p.closesOn >= :today)
            order by f.year, f.projectId""")
    List<Fund> withPeriodEndingOnOrAfter(LocalDate today);

    /** Funds in which the user is a reviewer, among the given projects. */
    @Query("""
            select f.id from Fund f join f.reviewerIds r
            where r = :userId and f.projectId in :projectIds""")
    List<Long> idsReviewedBy(long userId, Collection<Long> projectIds);
}
