package se.kompetensportal.surveys.domain;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import se.kompetensportal.surveys.EvaluationTotals;
import se.kompetensportal.surveys.StatementResult;
import se.kompetensportal.surveys.SurveysApi;

/**
 * The answer while the portal keeps no evaluations: no statements answered, nothing sent. The surveys module's
 * evaluations (issue 5) replace this class; it lets the modules that read results be built against the contract.
 */
@Service
class NoEvaluationsYet implements SurveysApi {

    @Override
    public List<StatementResult> statementResults(long projectId, LocalDate from, LocalDate to, Long organisationId) {
        return List.of();
    }

    @Override
    public EvaluationTotals totals(long projectId, LocalDate from, LocalDate to, Long organisationId) {
        return new EvaluationTotals(0, 0, 0, 0);
    }
}
