package se.kompetensportal.activities;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.kompetensportal.activities.domain.CatalogueFilter;
import se.kompetensportal.activities.domain.CatalogueService;
import se.kompetensportal.support.PortalIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's queries go over JDBC, not Hibernate, yet a free-text search's custom plans must hold for the count and
 * the page of the same transaction and end with it. Both hold when JDBC runs on the connection of the JPA transaction
 * (JpaTransactionManager exposes the Hibernate session's connection to JdbcTemplate): the setting the search made is
 * then what the entity manager's own connection reports inside the transaction, and gone in the next one.
 */
class CatalogueSearchPlansTest extends PortalIntegrationTest {

    @Autowired
    CatalogueService catalogue;
    @Autowired
    EntityManager entityManager;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aSearchAsksForCustomPlansOnTheJpaTransactionsConnectionForThatTransactionOnly() {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        String withoutWords = readOnly.execute(tx -> {
            catalogue.upcoming(CatalogueFilter.none(), 0);
            return planCacheMode();
        });
        assertThat(withoutWords).as("a page without search words keeps the default").isEqualTo("auto");

        String withWords = readOnly.execute(tx -> {
            catalogue.upcoming(new CatalogueFilter(null, null, null, null, null, null, "samtal"), 0);
            return planCacheMode();
        });
        assertThat(withWords).as("seen by the entity manager after the search, same transaction")
                .isEqualTo("force_custom_plan");

        String next = readOnly.execute(tx -> planCacheMode());
        assertThat(next).as("the next transaction").isEqualTo("auto");
    }

    private String planCacheMode() {
        return (String) entityManager.createNativeQuery("select current_setting('plan_cache_mode')").getSingleResult();
    }
}
