package se.kompetensportal.dialogfund;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kompetensportal.dialogfund.domain.FundRepository;

/**
 * What other modules (the indicators) may ask of the dialog fund: per project and year, how many applications were
 * received, granted and carried out, and the amounts granted and remaining. Each answer is one aggregate query.
 * Unscoped, like the other modules' APIs: callers apply their own rules about who may see what.
 */
@Service
@Transactional(readOnly = true)
public class DialogFundApi {

    private final FundRepository funds;

    DialogFundApi(FundRepository funds) {
        this.funds = funds;
    }

    /** The project's funds, one per year, oldest first. */
    public List<FundFigures> figures(long projectId) {
        return funds.figuresOfProject(projectId);
    }

    public Optional<FundFigures> figures(long projectId, int year) {
        return funds.figuresOfProjectYear(projectId, year);
    }
}
