package se.kompetensportal;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.event.TransactionalEventListener;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Listeners that run after commit are either module listeners ({@code @ApplicationModuleListener}: a publication in
 * the registry, run asynchronously, retried) or plain {@code @EventListener}s that register their own after-commit
 * work in memory. A bare {@code @TransactionalEventListener} would be wrapped by Spring Modulith's completion
 * bookkeeping, which opens a second transaction, with a second database connection, on the publishing request's thread.
 */
class EventListenerRulesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("se.kompetensportal");

    @Test
    void noListenerIsABareTransactionalEventListener() {
        noMethods().should().beAnnotatedWith(TransactionalEventListener.class)
                .because("Modulith's completion bookkeeping would take a second connection on the request's thread; "
                        + "use @ApplicationModuleListener, or @EventListener with an after-commit callback")
                .check(classes);
    }
}
