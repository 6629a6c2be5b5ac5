package dev.masker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** How code talks to the operator: logs through System.Logger, the console only from the CLI (STYLE §25). */
final class CodingRules {

    /** ArchUnit's NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS, minus the CLI, whose console output is its product. */
    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCli = noClasses()
            .that()
            .resideOutsideOfPackage(Masker.CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .because("never System.out outside the CLI's own output; log through System.Logger (STYLE §25)")
            .allowEmptyShould(false);

    /** Only the composition root may touch a logging backend (e.g. to route System.Logger or bridge SLF4J). */
    @ArchTest
    static final ArchRule loggingGoesThroughSystemLoggerOutsideBootstrap = noClasses()
            .that()
            .resideOutsideOfPackage(Masker.BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Masker.OTHER_LOGGING)
            .because("logging goes through System.Logger (STYLE §25)")
            .allowEmptyShould(false);

    private CodingRules() {}
}
