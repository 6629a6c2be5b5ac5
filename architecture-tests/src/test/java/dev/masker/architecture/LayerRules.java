package dev.masker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
            .that()
            .resideInAPackage(Masker.ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(Masker.SERVICES)
            .because(
                    "application.service is exported only to dev.masker.bootstrap, which wires services to adapters (STYLE §2)")
            .allowEmptyShould(false);

    /**
     * A service drives no other service's use case: what two services share is a driven port, a domain collaborator or
     * a plain class of the service package (such as {@code TurnMasker}), never an in-port. The onion allows it (both sit
     * in the same rings), so it is a rule of its own.
     */
    @ArchTest
    static final ArchRule servicesUseNoUseCaseButTheirOwn = classes()
            .that()
            .resideInAPackage(Masker.SERVICES)
            .should(useNoUseCaseTheyDoNotImplement())
            .because(
                    "services depend on driven ports and domain collaborators only; in-ports are for adapters to drive")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule nothingDependsOnBootstrap = noClasses()
            .that()
            .resideOutsideOfPackage(Masker.BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(Masker.BOOTSTRAP)
            .because("bootstrap is the only composition root and sits above every module (SPEC §2)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices().matching("dev.masker.adapters.(*)..")
            .namingSlices("adapter '$1'")
            .should()
            .notDependOnEachOther()
            .because("adapters never import each other; only bootstrap joins them (SPEC §2)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule topLevelSlicesAreFreeOfCycles = slices().matching("dev.masker.(*)..")
            .namingSlices("'dev.masker.$1'")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(false);

    /** Package by package, so a cycle inside one adapter module (e.g. http and http.vapi) fails too. */
    @ArchTest
    static final ArchRule adapterPackagesAreFreeOfCycles = slices().matching("dev.masker.adapters.(**)")
            .namingSlices("'dev.masker.adapters.$1'")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule domainPackagesAreFreeOfCycles = slices().matching("dev.masker.domain.(**)")
            .namingSlices("'dev.masker.domain.$1'")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(false);

    private LayerRules() {}

    /**
     * Depend on no {@code *UseCase} of {@code application.port.in} but those the class implements, or its enclosing class
     * does (a service's nested and anonymous classes share its use case).
     */
    static ArchCondition<JavaClass> useNoUseCaseTheyDoNotImplement() {
        return new ArchCondition<>("use no *UseCase of application.port.in but those they implement") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Set<JavaClass> own = implementedHereOrAround(javaClass);
                List<Dependency> foreign = javaClass.getDirectDependenciesFromSelf().stream()
                        .filter(dependency ->
                                Masker.isUseCase(dependency.getTargetClass().getBaseComponentType()))
                        .filter(dependency ->
                                !own.contains(dependency.getTargetClass().getBaseComponentType()))
                        .toList();
                if (foreign.isEmpty()) {
                    events.add(SimpleConditionEvent.satisfied(
                            javaClass, javaClass.getName() + " uses no use case it does not implement"));
                }
                foreign.forEach(dependency ->
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription())));
            }
        };
    }

    /** The interfaces the class and every class enclosing it implement. */
    private static Set<JavaClass> implementedHereOrAround(JavaClass javaClass) {
        Set<JavaClass> interfaces = new HashSet<>();
        for (Optional<JavaClass> level = Optional.of(javaClass);
                level.isPresent();
                level = level.get().getEnclosingClass()) {
            interfaces.addAll(level.get().getAllRawInterfaces());
        }
        return interfaces;
    }
}
