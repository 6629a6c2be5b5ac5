package dev.masker.architecture;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.util.List;

/**
 * Checks on the import itself, run on the very classes the rules see: a rule over an import that silently lost a
 * module (a jar missing from the class path, a renamed package) would pass for the wrong reason.
 */
final class ImportGuards {

    /**
     * Counts, per module, the classes under its root package that were read from that module's own artifact: its jar
     * ({@code .../domain-0.1.0-SNAPSHOT.jar}, in the local repository or copied beside the bootstrap jar) or, in a
     * reactor build, its {@code domain/target/...} output.
     */
    @ArchTest
    static void givenTheProductionImport_countingClassesPerModule_findsClassesOfEveryModule(JavaClasses classes) {
        assertAll(Masker.MODULE_ROOTS.entrySet().stream().map(module -> () -> {
            String artifact = module.getKey();
            String root = module.getValue();
            long inPackage =
                    classes.stream().filter(c -> Masker.inPackageTree(c, root)).count();
            long fromArtifact = classes.stream()
                    .filter(c -> Masker.inPackageTree(c, root) && isArtifact(container(c), artifact))
                    .count();
            assertTrue(
                    fromArtifact > 0,
                    "no production class of module " + artifact + " was imported from its artifact (" + inPackage
                            + " classes under " + root + " in all): is its jar on the test class path?");
        }));
    }

    @ArchTest
    static void givenTheProductionImport_lookingForStrayPackages_findsEveryClassUnderAModuleRoot(JavaClasses classes) {
        List<String> stray = classes.stream()
                .filter(c -> Masker.MODULE_ROOTS.values().stream().noneMatch(root -> Masker.inPackageTree(c, root)))
                .map(JavaClass::getName)
                .toList();
        assertEquals(
                List.of(), stray, "classes outside every module root package; add their module to Masker.MODULE_ROOTS");
    }

    @ArchTest
    static void givenTheProductionImport_lookingForTestCode_findsNone(JavaClasses classes) {
        List<String> tests = classes.stream()
                .filter(c -> c.getPackageName().startsWith("dev.masker.architecture")
                        || c.getSource()
                                .map(source -> source.getUri().toString().contains("test-classes"))
                                .orElse(false))
                .map(JavaClass::getName)
                .toList();
        assertEquals(List.of(), tests, "test classes were imported; ImportOption.DoNotIncludeTests is not in effect");
    }

    private ImportGuards() {}

    /**
     * Whether the container is the module's output directory or its jar, wherever that jar was copied (the bootstrap
     * jar's manifest class path names copies under {@code bootstrap/target/libs}).
     */
    private static boolean isArtifact(String container, String artifact) {
        return container.contains("/" + artifact + "/") || container.matches(".*/" + artifact + "-\\d[^/]*\\.jar");
    }

    /** The jar or class directory the class was read from, without the class's own path inside it. */
    private static String container(JavaClass javaClass) {
        String uri =
                javaClass.getSource().map(source -> source.getUri().toString()).orElse("");
        int inJar = uri.indexOf("!/");
        if (inJar >= 0) {
            return uri.substring(0, inJar);
        }
        int packagePath = uri.indexOf("/" + Masker.ROOT.replace('.', '/') + "/");
        return packagePath >= 0 ? uri.substring(0, packagePath) : uri;
    }
}
