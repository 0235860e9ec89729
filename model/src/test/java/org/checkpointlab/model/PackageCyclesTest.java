package org.checkpointlab.model;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages of the engine depend on each other in one direction: a cycle between two of them fails the build,
 * with no exception. The checkpoint coordinator's side ({@code checkpoint}) sits below the tasks ({@code runtime}):
 * it triggers the sources with engine-neutral trigger metadata and each task builds its barrier, as in Flink; the
 * records a stream carries ({@code streamrecord}) sit below both.
 */
@AnalyzeClasses(packages = "org.checkpointlab.model", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule modelPackagesAreFreeOfCycles = slices()
            .matching("org.checkpointlab.model.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theCoordinatorNeverUsesTheTasks = noClasses()
            .that().resideInAPackage("org.checkpointlab.model.checkpoint..")
            .should().dependOnClassesThat().resideInAPackage("org.checkpointlab.model.runtime..")
            .because("the coordinator triggers with engine-neutral metadata and the tasks build the barriers"
                    + " (Flink's Execution.triggerCheckpoint)");

    @ArchTest
    static final ArchRule streamRecordsSitBelowEveryPackage = classes()
            .that().resideInAPackage("org.checkpointlab.model.streamrecord..")
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.checkpointlab.model.streamrecord.."));
}
