package dev.masker.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * Masker's architecture rules (STYLE §22), run by ArchUnit's JUnit 5 engine over the production classes of every module:
 * the jars that the test-scoped dependency on bootstrap puts on the class path. {@link Masker#importProductionClasses()}
 * builds the same import for tests that need one by hand.
 */
@AnalyzeClasses(
        packages = Masker.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludePackageInfos.class})
class ArchitectureTest {

    @ArchTest
    static final ArchTests importGuards = ArchTests.in(ImportGuards.class);

    @ArchTest
    static final ArchTests layers = ArchTests.in(LayerRules.class);

    @ArchTest
    static final ArchTests technology = ArchTests.in(TechnologyRules.class);

    @ArchTest
    static final ArchTests naming = ArchTests.in(NamingRules.class);

    @ArchTest
    static final ArchTests coding = ArchTests.in(CodingRules.class);

    @ArchTest
    static final ArchTests errors = ArchTests.in(ErrorRules.class);
}
