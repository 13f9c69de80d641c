package se.kompetensportal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules depend on each other only through their API (root package) and without cycles, and only on the modules
 * (and the named interfaces of {@code shared}) their package-info lists in {@code allowedDependencies}: that list is the
 * intended graph. Also writes the module diagrams and canvases to target/spring-modulith-docs.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(KompetensportalApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() {
        modules.forEach(module -> {
            ApplicationModule declared = module.getBasePackage().getAnnotation(ApplicationModule.class).orElse(null);
            assertThat(declared).as("@ApplicationModule in the package-info of " + module.getIdentifier()).isNotNull();
            assertThat(declared.allowedDependencies()).as("allowedDependencies of " + module.getIdentifier())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            assertThat(declared.type()).as(module.getIdentifier() + " is closed").isEqualTo(ApplicationModule.Type.CLOSED);
        });
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases()
                .writeAggregatingDocument();
    }
}
