package se.kompetensportal.dialogfund.domain;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FinalReportRepository extends JpaRepository<FinalReport, Long> {
}
