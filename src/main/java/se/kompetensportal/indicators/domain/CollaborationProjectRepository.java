package se.kompetensportal.indicators.domain;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CollaborationProjectRepository extends JpaRepository<CollaborationProject, Long> {

    List<CollaborationProject> findByProjectIdOrderByStatusDescTitleAsc(long projectId);

    /** Developed ones: developed or carried out, developed in the period. */
    @Query("""
            select count(c) from CollaborationProject c where c.projectId = :projectId
            and c.status <> se.kompetensportal.indicators.domain.CollaborationStatus.IDEA
            and c.developedOn between :from and :to""")
    long countDeveloped(long projectId, LocalDate from, LocalDate to);

    @Query("""
            select count(c) from CollaborationProject c where c.projectId = :projectId
            and c.status = se.kompetensportal.indicators.domain.CollaborationStatus.CARRIED_OUT
            and c.carriedOutOn between :from and :to""")
    long countCarriedOut(long projectId, LocalDate from, LocalDate to);

    boolean existsByProjectId(long projectId);
}
