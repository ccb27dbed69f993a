package dev.pulse.bench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.pulse.core.topology.FunctionSpec;
import dev.pulse.core.topology.PulseTopology;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules from STYLE.md over every module's production classes. It lives in bench, the last module of the
 * reactor, whose test class path holds every other module (the CDK app at test scope); the modules and the functions
 * are read from the parent POM, the source folders and the topology, and a module whose classes are missing fails.
 */
class ArchitectureTest {
    private static final String[] INFRASTRUCTURE = {
        "software.amazon..", "com.amazonaws..", "org.opensearch..", "io.lettuce..", "io.github.resilience4j.."
    };

    private static Modules modules;
    private static JavaClasses classes;
    private static List<String> functions;

    @BeforeAll
    static void importClasses() {
        modules = Modules.of(Modules.repositoryRoot());
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pulse");
        Set<String> found = new TreeSet<>(modules.functionPackages());
        for (FunctionSpec function : PulseTopology.define().functions()) {
            found.add(packageOf(function.handler()));
        }
        functions = List.copyOf(found);
    }

    @Test
    void everyModule_hasItsClassesOnTheClassPath() {
        assertThat(modules.sourcePackages()).as("modules with sources").containsKeys(Modules.CORE, Modules.TOPOLOGY);
        Set<String> imported = classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
        modules.sourcePackages()
                .forEach((module, packages) -> assertThat(packages)
                        .as("packages of module %s with no class on the class path (a dependency of bench?)", module)
                        .filteredOn(name -> !imported.contains(name))
                        .isEmpty());
    }

    @Test
    void everyTopologyFunction_isAHandlerInItsOwnFunctionModule() {
        assertThat(functions).isNotEmpty();
        for (FunctionSpec function : PulseTopology.define().functions()) {
            assertThat(classes.contain(function.handler()))
                    .as("handler %s", function.handler())
                    .isTrue();
            assertThat(modules.sourcePackages().get(function.module()))
                    .as("packages of %s, the module of function %s", function.module(), function.name())
                    .contains(packageOf(function.handler()));
        }
    }

    @Test
    void coreTopology_dependsOnNothingOfPulses() {
        String topology = modules.rootPackage(Modules.TOPOLOGY) + "..";
        classes()
                .that()
                .resideInAPackage(topology)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("dev.pulse..").or(resideInAPackage(topology)))
                .check(classes);
        assertSourcesImportOnly(Modules.TOPOLOGY, modules.rootPackage(Modules.TOPOLOGY));
    }

    @Test
    void core_dependsOnNothingOfPulsesButTheTopology() {
        String core = modules.rootPackage(Modules.CORE) + "..";
        String topology = modules.rootPackage(Modules.TOPOLOGY) + "..";
        classes()
                .that()
                .resideInAPackage(core)
                .and()
                .resideOutsideOfPackage(topology)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("dev.pulse..").or(resideInAPackage(core)))
                .check(classes);
        assertSourcesImportOnly(Modules.CORE, modules.rootPackage(Modules.CORE));
    }

    @Test
    void functions_doNotDependOnEachOther() {
        for (String function : functions) {
            String[] others = functions.stream()
                    .filter(p -> !p.equals(function))
                    .map(p -> p + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(function + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(classes);
        }
    }

    @Test
    void functions_dependOnNothingOfPulsesButCore() {
        String core = modules.rootPackage(Modules.CORE);
        for (String function : functions) {
            // so neither on tools, bench, the local runtime nor the CDK app
            classes()
                    .that()
                    .resideInAPackage(function + "..")
                    .should()
                    .onlyDependOnClassesThat(
                            resideOutsideOfPackage("dev.pulse..").or(resideInAnyPackage(function + "..", core + "..")))
                    .check(classes);
        }
        for (String module : modules.functionModules()) {
            assertSourcesImportOnly(module, modules.rootPackage(module), core);
        }
    }

    @Test
    void localRuntime_dependsOnNoToolBenchNorCdk() {
        noClasses()
                .that()
                .resideInAPackage(modules.rootPackage(Modules.LOCAL) + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(packages(List.of(
                        modules.rootPackage(Modules.TOOLS),
                        modules.rootPackage(Modules.BENCH),
                        modules.rootPackage(Modules.CDK))))
                .check(classes);
    }

    @Test
    void benchAndCdk_areUsedByNoOtherModule() {
        for (String leaf : List.of(modules.rootPackage(Modules.BENCH), modules.rootPackage(Modules.CDK))) {
            noClasses()
                    .that()
                    .resideInAPackage("dev.pulse..")
                    .and()
                    .resideOutsideOfPackage(leaf + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAPackage(leaf + "..")
                    .check(classes);
        }
    }

    @Test
    void cdk_dependsOnTheTopologyOnly() {
        String cdk = modules.rootPackage(Modules.CDK);
        String topology = modules.rootPackage(Modules.TOPOLOGY);
        classes()
                .that()
                .resideInAPackage(cdk + "..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("dev.pulse..").or(resideInAnyPackage(cdk + "..", topology + "..")))
                .check(classes);
        assertSourcesImportOnly(Modules.CDK, cdk, topology);
    }

    @Test
    void applicationPackages_dependOnNoAdapterNorInfrastructureType() {
        noClasses()
                .that()
                .resideInAPackage("dev.pulse..application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.pulse..adapter..")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE)
                .check(classes);
    }

    @Test
    void domainPackages_dependOnNeitherApplicationNorAdapter() {
        noClasses()
                .that()
                .resideInAPackage("dev.pulse..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.pulse..application..", "dev.pulse..adapter..")
                .check(classes);
    }

    @Test
    void domainPackages_importNoInfrastructureType() {
        noClasses()
                .that()
                .resideInAPackage("dev.pulse..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE)
                .check(classes);
    }

    /** Bytecode misses what the compiler inlined (constants), so the sources' imports are checked too. */
    private static void assertSourcesImportOnly(String module, String... roots) {
        assertThat(modules.pulseImports(module))
                .as("Pulse imports in the sources of %s, outside %s", module, List.of(roots))
                .filteredOn(name -> Stream.of(roots).noneMatch(root -> name.startsWith(root + ".")))
                .isEmpty();
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static String[] packages(List<String> roots) {
        return roots.stream().map(p -> p + "..").toArray(String[]::new);
    }
}
