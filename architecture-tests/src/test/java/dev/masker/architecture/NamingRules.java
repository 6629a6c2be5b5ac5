package dev.masker.architecture;

import static com.tngtech.archunit.lang.conditions.ArchConditions.beInterfaces;
import static com.tngtech.archunit.lang.conditions.ArchConditions.beRecords;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Names that say what a thing is in the hexagon (STYLE §5 to §8). */
final class NamingRules {

    /**
     * port.in holds the use cases and the values they take and give: {@code *Command} and {@code *Query} records in,
     * result records such as {@code Readiness} out. So: top-level interfaces are use cases, everything else a record.
     */
    @ArchTest
    static final ArchRule inPortInterfacesAreUseCases = classes()
            .that()
            .resideInAPackage(Masker.PORT_IN)
            .and()
            .areTopLevelClasses()
            .and()
            .areInterfaces()
            .should()
            .haveSimpleNameEndingWith("UseCase")
            .because("in-ports are named <Verb><Noun>UseCase (STYLE §5)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule inPortValuesAreRecords = classes()
            .that()
            .resideInAPackage(Masker.PORT_IN)
            .and()
            .areNotInterfaces()
            .should()
            .beRecords()
            .because("use cases take <Verb><Noun>Command / ...Query records and answer with values (STYLE §5, §9)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCasesAreInPortInterfacesWithOneMethod = classes()
            .that()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .resideInAPackage(Masker.PORT_IN)
            .andShould(beInterfaces())
            .andShould(declareExactlyOneMethod())
            .because("an in-port is one interface with one method (STYLE §5)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule outPortsAreInterfacesNamedPort = classes()
            .that()
            .resideInAPackage(Masker.PORT_OUT)
            .and()
            .areTopLevelClasses()
            .should(beInterfaces())
            .andShould()
            .haveSimpleNameEndingWith("Port")
            .because("driven ports are <Capability>Port interfaces (STYLE §5)")
            .allowEmptyShould(false);

    /**
     * Types nested in a port (e.g. {@code AppendAuditEventPort.AppendOutcome}) are what the port takes or answers, or a
     * callback it calls (e.g. {@code ChatUpstreamPort.ChunkConsumer}), which is a functional interface, not an outcome.
     */
    @ArchTest
    static final ArchRule typesNestedInPortsAreRecordsOrSealedInterfaces = classes()
            .that()
            .resideInAPackage(Masker.PORTS)
            .and()
            .areNestedClasses()
            .should(beRecords().or(beSealedInterfaces()).or(beFunctionalInterfaces()))
            .because("outcomes a caller branches on are sealed result types, not booleans (STYLE §14)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule useCaseImplementationsAreFinalServices = classes()
            .that(Masker.implementingAUseCase())
            .should()
            .resideInAPackage(Masker.SERVICES)
            .andShould()
            .haveSimpleNameEndingWith("Service")
            .andShould()
            .haveModifier(JavaModifier.FINAL)
            .because("services are final <Verb><Noun>Service classes implementing <Verb><Noun>UseCase (STYLE §6)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule portAndHttpServiceImplementationsAreAdapters = classes()
            .that()
            .resideInAPackage(Masker.ADAPTERS)
            .and()
            .areNotAnonymousClasses()
            .and(Masker.implementingAPortOrHttpService())
            .should()
            .haveSimpleNameEndingWith("Adapter")
            .because("classes that implement a port or a Helidon HttpService end in Adapter (STYLE §7)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule adaptersImplementAPortOrHttpService = classes()
            .that()
            .resideInAPackage(Masker.ADAPTERS)
            .and()
            .haveSimpleNameEndingWith("Adapter")
            .should(implementAPortOrHttpService())
            .because("a name says what a thing is: an *Adapter plugs a port or serves HTTP (STYLE §7, §8)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule noGrabBagPackages = noClasses()
            .should()
            .resideInAnyPackage(
                    "..util..",
                    "..utils..",
                    "..common..",
                    "..commons..",
                    "..helper..",
                    "..helpers..",
                    "..manager..",
                    "..managers..")
            .because("no util, common, helper or manager packages: a name says what a thing is (STYLE §8)")
            .allowEmptyShould(false);

    private NamingRules() {}

    private static ArchCondition<JavaClass> declareExactlyOneMethod() {
        return new ArchCondition<>("declare exactly one method") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                int count = javaClass.getMethods().size();
                events.add(new SimpleConditionEvent(
                        javaClass,
                        count == 1,
                        javaClass.getName() + " declares " + count + " methods in "
                                + javaClass.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> beSealedInterfaces() {
        return new ArchCondition<>("be sealed interfaces") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean sealedInterface = javaClass.isInterface() && javaClass.isSealed();
                events.add(new SimpleConditionEvent(
                        javaClass,
                        sealedInterface,
                        javaClass.getName() + (sealedInterface ? " is" : " is not") + " a sealed interface in "
                                + javaClass.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> beFunctionalInterfaces() {
        return new ArchCondition<>("be functional interfaces") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean functional = javaClass.isInterface() && javaClass.isAnnotatedWith(FunctionalInterface.class);
                events.add(new SimpleConditionEvent(
                        javaClass,
                        functional,
                        javaClass.getName() + (functional ? " is" : " is not") + " a functional interface in "
                                + javaClass.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> implementAPortOrHttpService() {
        return new ArchCondition<>("implement a *Port of application.port.out or Helidon's HttpService") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                boolean implementing = Masker.implementingAPortOrHttpService().test(javaClass);
                String verdict =
                        implementing ? " implements a port or HttpService" : " implements no port and no HttpService";
                events.add(new SimpleConditionEvent(
                        javaClass,
                        implementing,
                        javaClass.getName() + verdict + " in " + javaClass.getSourceCodeLocation()));
            }
        };
    }
}
