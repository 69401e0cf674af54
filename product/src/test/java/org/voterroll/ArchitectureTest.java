package org.voterroll;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package graph of the production code (docs/architecture.md): no package depends, through any path, on one that
 * depends on it (the run record at the bottom, the steps above it, the job, the operations and the web on top), and no
 * production class depends on the test kit (the generator, the truth checks, the link quality). The sources and their
 * code lists ({@code codes}) are the very bottom: the JDK only.
 */
@AnalyzeClasses(packages = "org.voterroll", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** The test kit's packages: tools for tests and benchmarks, not shipped in the product's jar. */
    static final String[] TEST_KIT = {"org.voterroll.generate..", "org.voterroll.quality..", "org.voterroll.testkit.."};

    /** Every package its own slice, org.voterroll itself (the application and its command line) included. */
    static final SliceAssignment PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            return c.getPackageName().startsWith("org.voterroll") ? SliceIdentifier.of(c.getPackageName()) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of org.voterroll";
        }
    };

    @ArchTest
    static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

    /** The sources and their code lists (SOURCES.md), which load and the rules share: below every other package. */
    @ArchTest
    static final ArchRule theCodesUseOnlyTheJdk = classes().that().resideInAPackage("org.voterroll.codes..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.voterroll.codes..", "java..");

    @ArchTest
    static final ArchRule productionCodeDoesNotUseTheTestKit = noClasses().that().resideOutsideOfPackages(TEST_KIT)
            .should().dependOnClassesThat().resideInAnyPackage(TEST_KIT);
}
