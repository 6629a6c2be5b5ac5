package dev.masker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's dependency directions (SPEC §2, STYLE §2 and §22): inward only, adapters apart, bootstrap on top. */
final class LayerRules {

    /**
     * Domain at the centre, the application's ports around it, its services around those, one adapter per adapter
     * module outside. Bootstrap is the composition root and may use everything, so its outgoing dependencies are
     * ignored; every other class must sit in one of the rings, so a new top-level package cannot slip past the rule.
     */
    @ArchTest
    static final ArchRule onionArchitecture = onionArchitecture()
        .domainModels(Masker.DOMAIN)
        .domainServices(Masker.PORTS)
        .applicationServices(Masker.SERVICES)
        .adapter("http", Masker.HTTP_ADAPTER)
        .adapter("persistence", Masker.PERSISTENCE_ADAPTER)
        .adapter("audit", Masker.AUDIT_ADAPTER)
        .withOptionalLayers(false)
        .ignoreDependency(resideInAPackage(Masker.BOOTSTRAP), alwaysTrue())
        .ensureAllClassesAreContainedInArchitectureIgnoring(Masker.BOOTSTRAP)
        .because("dependencies point inwards: adapters -> services -> ports -> domain (SPEC §2)")
        .allowEmptyShould(false);

    /** The onion lets adapters reach services; Masker's do not: they drive use cases and implement ports only. */
    @ArchTest
    static final ArchRule adaptersUseTheApplicationOnlyThroughItsPorts = noClasses()
        .that().resideInAPackage(Masker.ADAPTERS)
        .should().dependOnClassesThat().resideInAPackage(Masker.SERVICES)
        .because("application.service is exported only to dev.masker.bootstrap, which wires services to adapters (STYLE §2)")
        .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingDependsOnBootstrap = noClasses()
        .that().resideOutsideOfPackage(Masker.BOOTSTRAP)
        .should().dependOnClassesThat().resideInAPackage(Masker.BOOTSTRAP)
        .because("bootstrap is the only composition root and sits above every module (SPEC §2)")
        .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
        .matching("dev.masker.adapters.(*)..").namingSlices("adapter '$1'")
        .should().notDependOnEachOther()
        .because("adapters never import each other; only bootstrap joins them (SPEC §2)")
        .allowEmptyShould(false);

    @ArchTest
    static final ArchRule topLevelSlicesAreFreeOfCycles = slices()
        .matching("dev.masker.(*)..").namingSlices("'dev.masker.$1'")
        .should().beFreeOfCycles()
        .allowEmptyShould(false);

    /** Package by package, so a cycle inside one adapter module (e.g. http and http.vapi) fails too. */
    @ArchTest
    static final ArchRule adapterPackagesAreFreeOfCycles = slices()
        .matching("dev.masker.adapters.(**)").namingSlices("'dev.masker.adapters.$1'")
        .should().beFreeOfCycles()
        .allowEmptyShould(false);

    @ArchTest
    static final ArchRule domainPackagesAreFreeOfCycles = slices()
        .matching("dev.masker.domain.(**)").namingSlices("'dev.masker.domain.$1'")
        .should().beFreeOfCycles()
        .allowEmptyShould(false);

    private LayerRules() {
    }
}
