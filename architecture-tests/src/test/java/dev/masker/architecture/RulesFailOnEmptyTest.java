package dev.masker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** No rule can pass vacuously: each fails when it has nothing to check (STYLE §22). */
class RulesFailOnEmptyTest {

    private static final List<Class<?>> RULE_CLASSES =
            List.of(LayerRules.class, TechnologyRules.class, NamingRules.class, CodingRules.class, ErrorRules.class);

    /** An import with no class at all, as a misspelled root package or a missing jar would give. */
    private static final JavaClasses NOTHING = new ClassFileImporter().importClasses();

    @TestFactory
    Stream<DynamicTest> givenAnEmptyImport_checkingEachRule_fails() {
        List<Field> rules = RULE_CLASSES.stream()
                .flatMap(type -> Arrays.stream(type.getDeclaredFields()))
                .filter(field ->
                        Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType()))
                .toList();
        assertFalse(rules.isEmpty(), "found no rules to check");
        return rules.stream()
                .map(field -> dynamicTest(field.getDeclaringClass().getSimpleName() + "." + field.getName(), () -> {
                    ArchRule rule = (ArchRule) field.get(null);
                    assertThrows(
                            AssertionError.class,
                            () -> rule.check(NOTHING),
                            "rule passed on an empty import, so it could pass vacuously: " + rule.getDescription());
                }));
    }

    @Test
    void givenAMisspelledPackage_checkingARuleOnTheRealImport_failsForHavingNothingToCheck() {
        ArchRule misspelled = noClasses()
                .that()
                .resideInAPackage("dev.masker.domian..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(Masker.TECHNOLOGY)
                .allowEmptyShould(false);

        AssertionError failure =
                assertThrows(AssertionError.class, () -> misspelled.check(Masker.importProductionClasses()));

        assertTrue(failure.getMessage().contains("failed to check any classes"), failure.getMessage());
    }

    @Test
    void givenTheValueObjectsTakingOutsideInput_eachNameIsAProductionClass() {
        // A misspelled or renamed entry would drop out of both error rules while the others keep them from being empty.
        List<String> missing = Masker.OUTSIDE_INPUT_VALUES.stream()
                .filter(name -> !Masker.importProductionClasses().contain(name))
                .sorted()
                .toList();

        assertTrue(missing.isEmpty(), "not production classes: " + missing);
    }

    @Test
    void givenAMisspelledSlicePattern_checkingItOnTheRealImport_failsForHavingNothingToCheck() {
        ArchRule misspelled = slices().matching("dev.masker.adaptors.(*)..")
                .should()
                .notDependOnEachOther()
                .allowEmptyShould(false);

        assertThrows(AssertionError.class, () -> misspelled.check(Masker.importProductionClasses()));
    }
}
