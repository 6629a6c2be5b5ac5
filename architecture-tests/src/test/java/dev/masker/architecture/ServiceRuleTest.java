package dev.masker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.masker.application.port.in.CheckReadinessUseCase;
import dev.masker.application.port.in.GetAgentQuery;
import dev.masker.application.port.in.GetAgentUseCase;
import dev.masker.application.port.in.Readiness;
import org.junit.jupiter.api.Test;

/**
 * {@link LayerRules#servicesUseNoUseCaseButTheirOwn} finds what it is for: its condition, run on stand-ins for services
 * (the rule itself picks classes by package, and these live in the tests' own), fails on one driving another use case.
 */
class ServiceRuleTest {

    private static final ArchRule CONDITION_ALONE =
            classes().should(LayerRules.useNoUseCaseTheyDoNotImplement()).allowEmptyShould(false);

    @Test
    void givenAServiceDrivingAnotherUseCase_checkingTheCondition_failsNamingThatUseCase() {
        JavaClasses service = new ClassFileImporter().importClasses(DrivesAnotherUseCase.class);

        AssertionError failure = assertThrows(AssertionError.class, () -> CONDITION_ALONE.check(service));

        assertTrue(failure.getMessage().contains(GetAgentUseCase.class.getName()), failure.getMessage());
    }

    @Test
    void givenANestedClassDrivingAnotherUseCase_checkingTheCondition_fails() {
        JavaClasses service = new ClassFileImporter().importClasses(DrivesAnotherUseCase.Nested.class);

        assertThrows(AssertionError.class, () -> CONDITION_ALONE.check(service));
    }

    @Test
    void givenAServiceUsingOnlyItsOwnUseCase_checkingTheCondition_passes() {
        JavaClasses service = new ClassFileImporter().importClasses(UsesOnlyItsOwn.class, UsesOnlyItsOwn.Nested.class);

        assertDoesNotThrow(() -> CONDITION_ALONE.check(service));
    }

    /** Stands for a service that drives another service's in-port besides implementing its own. */
    static final class DrivesAnotherUseCase implements CheckReadinessUseCase {
        private final GetAgentUseCase agents;

        DrivesAnotherUseCase(GetAgentUseCase agents) {
            this.agents = agents;
        }

        @Override
        public Readiness check() {
            agents.get(new GetAgentQuery("agt_x"));
            return null;
        }

        /** A nested class of the service, which may use no other use case either. */
        static final class Nested {
            GetAgentUseCase agents;
        }
    }

    /** Stands for a service that names only the use case it implements, in itself and in a nested class. */
    static final class UsesOnlyItsOwn implements CheckReadinessUseCase {
        @Override
        public Readiness check() {
            return null;
        }

        /** A nested class of the service, naming the use case its service implements. */
        static final class Nested {
            CheckReadinessUseCase owner;
        }
    }
}
