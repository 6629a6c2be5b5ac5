package dev.masker.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.module.ModuleDescriptor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The package names of Masker's modules and the class predicates the rules share. */
final class Masker {

    /** Root of every production package; the import scans it. */
    static final String ROOT = "dev.masker";

    static final String DOMAIN = "dev.masker.domain..";
    static final String APPLICATION = "dev.masker.application..";
    static final String PORTS = "dev.masker.application.port..";
    static final String PORT_IN = "dev.masker.application.port.in..";
    static final String PORT_OUT = "dev.masker.application.port.out..";
    static final String SERVICES = "dev.masker.application.service..";
    static final String ADAPTERS = "dev.masker.adapters..";
    static final String HTTP_ADAPTER = "dev.masker.adapters.http..";
    static final String PERSISTENCE_ADAPTER = "dev.masker.adapters.persistence..";
    static final String AUDIT_ADAPTER = "dev.masker.adapters.audit..";
    /** The policy reader, the one home of snakeyaml-engine. */
    static final String POLICY_READER = "dev.masker.adapters.persistence.policy..";
    /** The MSK1 token scheme, the one home of Tink. */
    static final String MSK1_SCHEME = "dev.masker.adapters.persistence.msk1..";

    static final String BOOTSTRAP = "dev.masker.bootstrap..";
    static final String CLI = "dev.masker.bootstrap.cli..";

    static final String HELIDON_HTTP_SERVICE = "io.helidon.webserver.http.HttpService";

    /** Libraries that must stay out of the domain and the application (SPEC §2: they never see Helidon, Jackson, JDBC). */
    static final String[] TECHNOLOGY = {
        "io.helidon..",
        "com.fasterxml..",
        "java.sql..",
        "javax.sql..",
        "com.zaxxer..",
        "org.flywaydb..",
        "org.postgresql..",
        "com.google.crypto.tink..",
        "com.google.protobuf..",
        "org.snakeyaml..",
    };

    /** Logging APIs other than {@link System.Logger} (STYLE §25); only the composition root may configure them. */
    static final String[] OTHER_LOGGING = {
        "java.util.logging..",
        "org.slf4j..",
        "org.apache.logging..",
        "org.apache.log4j..",
        "org.apache.commons.logging..",
        "ch.qos.logback..",
        "io.helidon.logging..",
    };

    /** The domain's one exception for refusals a caller can act on (STYLE §13). */
    static final String DOMAIN_EXCEPTION = "dev.masker.domain.error.DomainException";

    /**
     * The value objects that outside input reaches: a request body or header, a Vapi payload, an agent's policy YAML.
     * A value object joins the list when it starts taking such input (docs/DECISIONS.md, "Errors").
     */
    static final Set<String> OUTSIDE_INPUT_VALUES = Set.of(
            "dev.masker.domain.agent.AgentName",
            "dev.masker.domain.agent.Upstream",
            "dev.masker.domain.agent.ConfigCallback",
            "dev.masker.domain.agent.ForwardTarget",
            "dev.masker.domain.agent.WebhookCredential$Hmac",
            "dev.masker.domain.agent.WebhookCredential$Bearer",
            "dev.masker.domain.vapi.CallId",
            "dev.masker.domain.phi.Kid",
            "dev.masker.domain.policy.Policy",
            "dev.masker.domain.admin.AdminSessionSecret");

    /** The root package of each Maven module with production code, by artifact id, as STYLE §1 pairs them. */
    static final Map<String, String> MODULE_ROOTS = moduleRoots();

    /**
     * The import the rules run on, built as {@link ArchitectureTest}'s {@code @AnalyzeClasses} builds it: production classes
     * only (test classes and {@code package-info} left out), from every jar or directory on the class path.
     */
    static JavaClasses importProductionClasses() {
        return ProductionClasses.IMPORTED;
    }

    /** Imported once, on first use. */
    private static final class ProductionClasses {
        static final JavaClasses IMPORTED = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new ImportOption.DoNotIncludePackageInfos())
                .importPackages(ROOT);
    }

    private Masker() {}

    private static Map<String, String> moduleRoots() {
        Map<String, String> roots = new LinkedHashMap<>();
        roots.put("domain", "dev.masker.domain");
        roots.put("application", "dev.masker.application");
        roots.put("adapters-http", "dev.masker.adapters.http");
        roots.put("adapters-persistence", "dev.masker.adapters.persistence");
        roots.put("adapters-audit", "dev.masker.adapters.audit");
        roots.put("bootstrap", "dev.masker.bootstrap");
        return Collections.unmodifiableMap(roots);
    }

    /**
     * Types of the packages {@code java.base} exports to everyone (so {@code java.time} and {@code javax.crypto}, not
     * {@code java.sql} or {@code java.net.http}), primitives, and arrays of them: what a module that requires only
     * {@code java.base} can name. Read from the running JDK, so it needs no hand-kept list.
     */
    static DescribedPredicate<JavaClass> inJavaBase() {
        Set<String> exported = Object.class.getModule().getDescriptor().exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toUnmodifiableSet());
        return DescribedPredicate.describe("are in module java.base", javaClass -> {
            JavaClass type = javaClass.isArray() ? javaClass.getBaseComponentType() : javaClass;
            return type.isPrimitive() || exported.contains(type.getPackageName());
        });
    }

    /** Whether the class lies in the package {@code root} or one of its sub-packages. */
    static boolean inPackageTree(JavaClass javaClass, String root) {
        String name = javaClass.getPackageName();
        return name.equals(root) || name.startsWith(root + ".");
    }

    /** The value objects of {@link #OUTSIDE_INPUT_VALUES}. */
    static DescribedPredicate<JavaClass> takingOutsideInput() {
        return DescribedPredicate.describe(
                "take outside input (Masker.OUTSIDE_INPUT_VALUES)",
                javaClass -> OUTSIDE_INPUT_VALUES.contains(javaClass.getName()));
    }

    /** Classes implementing, directly or not, an in-port: an interface of {@code application.port.in} named {@code *UseCase}. */
    static DescribedPredicate<JavaClass> implementingAUseCase() {
        return DescribedPredicate.describe(
                "implement a *UseCase of application.port.in",
                javaClass -> !javaClass.isInterface()
                        && javaClass.getAllRawInterfaces().stream().anyMatch(Masker::isUseCase));
    }

    /** Classes implementing, directly or not, an out-port ({@code port.out.*Port}) or Helidon's {@code HttpService}. */
    static DescribedPredicate<JavaClass> implementingAPortOrHttpService() {
        return DescribedPredicate.describe(
                "implement a *Port of application.port.out or Helidon's HttpService",
                javaClass -> !javaClass.isInterface()
                        && javaClass.getAllRawInterfaces().stream()
                                .anyMatch(type ->
                                        isOutPort(type) || type.getName().equals(HELIDON_HTTP_SERVICE)));
    }

    /** Whether the type is an in-port: an interface of {@code application.port.in} named {@code *UseCase}. */
    static boolean isUseCase(JavaClass type) {
        return type.getPackageName().equals("dev.masker.application.port.in")
                && type.getSimpleName().endsWith("UseCase");
    }

    private static boolean isOutPort(JavaClass type) {
        return type.getPackageName().equals("dev.masker.application.port.out")
                && type.getSimpleName().endsWith("Port");
    }
}
