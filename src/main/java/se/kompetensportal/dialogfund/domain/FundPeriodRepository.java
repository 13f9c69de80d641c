package se.kompetensportal.dialogfund.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FundPeriodRepository extends JpaRepository<FundPeriod, Long> {

    List<FundPeriod> findByFundIdOrderByOpensOn(long fundId);

    List<FundPeriod> findByFundIdInOrderByOpensOn(Collection<Long> fundIds);

    Optional<FundPeriod> findByIdAndFundId(long id, long fundId);
}
