package dev.pulse.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule from STYLE.md, checked over every module's production classes (the local runtime is the one
 * module that sees them all): core depends on no function, functions do not depend on each other, and domain
 * packages import no AWS types.
 */
class ArchitectureTest {
    private static final List<String> FUNCTIONS = List.of(
            "dev.pulse.ingest", "dev.pulse.mentions", "dev.pulse.accounts", "dev.pulse.reporting", "dev.pulse.legacy");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.pulse");
    }

    @Test
    void core_dependsOnNoFunctionNorTheRuntime() {
        String[] others = FUNCTIONS.stream().map(p -> p + "..").toArray(String[]::new);
        noClasses()
                .that()
                .resideInAPackage("dev.pulse.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(others)
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("dev.pulse.local..")
                .check(classes);
    }

    @Test
    void functions_doNotDependOnEachOther() {
        for (String function : FUNCTIONS) {
            String[] others = FUNCTIONS.stream()
                    .filter(p -> !p.equals(function))
                    .map(p -> p + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(function + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void domainPackages_importNoAwsTypes() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("software.amazon..", "com.amazonaws..", "org.opensearch..", "io.lettuce..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
