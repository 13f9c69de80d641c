package se.kompetensportal.dialogfund.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface FundCriterionRepository extends JpaRepository<FundCriterion, Long> {

    List<FundCriterion> findByFundIdOrderByPositionAscIdAsc(long fundId);

    List<FundCriterion> findByFundIdInOrderByPositionAscIdAsc(Collection<Long> fundIds);

    Optional<FundCriterion> findByIdAndFundId(long id, long fundId);

    @Query("select coalesce(max(c.position), 0) from FundCriterion c where c.fundId = :fundId")
    int maxPosition(long fundId);
}
