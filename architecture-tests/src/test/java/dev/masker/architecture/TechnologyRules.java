package dev.masker.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What the inner rings may see of the outside world: pure Java only (SPEC §2, STYLE §2 and §12). */
final class TechnologyRules {

    /**
     * "java.base only" rather than "java.. only": {@code javax.crypto} (the domain's phone fingerprint HMAC) is part of
     * java.base, while {@code java.sql} and {@code java.net.http} are not and must stay out.
     */
    @ArchTest
    static final ArchRule domainDependsOnlyOnJavaBase = classes()
            .that()
            .resideInAPackage(Masker.DOMAIN)
            .should()
            .onlyDependOnClassesThat(Masker.inJavaBase().or(resideInAPackage(Masker.DOMAIN)))
            .because("the domain module requires only java.base (SPEC §2, STYLE §2)")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule applicationDependsOnlyOnJavaBaseAndDomain = classes()
            .that()
            .resideInAPackage(Masker.APPLICATION)
            .should()
            .onlyDependOnClassesThat(Masker.inJavaBase().or(resideInAnyPackage(Masker.DOMAIN, Masker.APPLICATION)))
            .because("the application module requires only the domain (SPEC §2, STYLE §2)")
            .allowEmptyShould(false);

    /** Says by name what the two rules above imply, so a failure points straight at the library that leaked in. */
    @ArchTest
    static final ArchRule domainAndApplicationNeverSeeFrameworksOrJdbc = noClasses()
            .that()
            .resideInAnyPackage(Masker.DOMAIN, Masker.APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(Masker.TECHNOLOGY)
            .because(
                    "domain and application never see Helidon, Jackson, JDBC, Hikari, Flyway or the PostgreSQL driver (SPEC §2)")
            .allowEmptyShould(false);

    /**
     * The policy reader and the MSK1 scheme live in {@code adapters-persistence} for want of a module of their own
     * (DECISIONS, "Port implementations that are neither HTTP nor PostgreSQL"); their libraries stay in their package
     * rather than spread through a module whose other adapters keep rows.
     */
    @ArchTest
    static final ArchRule onlyThePolicyReaderSeesSnakeyaml = noClasses()
            .that()
            .resideOutsideOfPackage(Masker.POLICY_READER)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.snakeyaml..")
            .because("policies are read from YAML in one place: adapters.persistence.policy")
            .allowEmptyShould(false);

    /** See {@link #onlyThePolicyReaderSeesSnakeyaml}. */
    @ArchTest
    static final ArchRule onlyTheMsk1SchemeSeesTink = noClasses()
            .that()
            .resideOutsideOfPackage(Masker.MSK1_SCHEME)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.google.crypto.tink..")
            .because("Tink's AES-SIV serves MSK1 tokens only, in adapters.persistence.msk1")
            .allowEmptyShould(false);

    private TechnologyRules() {}
}
