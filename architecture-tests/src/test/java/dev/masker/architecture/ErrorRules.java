package dev.masker.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Outside input fails with a DomainException and its documented code; broken invariants with the JDK's exceptions
 * (STYLE §13, docs/DECISIONS.md "Errors"). The code and field of each refusal are held by each value object's own test.
 */
final class ErrorRules {

    /** Each value object that outside input reaches refuses it with a {@code DomainException}, so never as a 500. */
    @ArchTest
    static final ArchRule outsideInputIsRefusedWithADomainException = classes()
            .that(Masker.takingOutsideInput())
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName(Masker.DOMAIN_EXCEPTION)
            .because(
                    "input from a request, a Vapi payload or a policy's YAML is refused with its documented error code")
            .allowEmptyShould(false);

    /** ...and not also with an {@code IllegalArgumentException}, which the HTTP edge answers with 500. */
    @ArchTest
    static final ArchRule outsideInputIsNeverRefusedAsAProgrammingError = noClasses()
            .that(Masker.takingOutsideInput())
            .should()
            .callConstructorWhere(target(owner(assignableTo(IllegalArgumentException.class))))
            .because("an IllegalArgumentException means a broken invariant, and answers 500 internal_error")
            .allowEmptyShould(false);

    private ErrorRules() {}
}
