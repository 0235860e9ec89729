package org.checkpointlab.views;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The views reach the engine only through its public API packages, and never the app module. */
@AnalyzeClasses(packages = "org.checkpointlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewsArchitectureTest {

    @ArchTest
    static final ArchRule viewsUseOnlyThePublicModelApi = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..")
            .should().dependOnClassesThat(resideInAPackage("org.checkpointlab.model..")
                    .and(not(resideInAnyPackage(
                            "org.checkpointlab.model.pipeline",
                            "org.checkpointlab.model.job",
                            "org.checkpointlab.model.observe",
                            "org.checkpointlab.model.checkpoint",
                            "org.checkpointlab.model.savepoint",
                            "org.checkpointlab.model.util"))
                    .and(not(resideInAPackage("org.checkpointlab.model.state")
                            .and(simpleName("KeyGroups").or(simpleName("KeyGroupRange"))))))
                    // SubtaskSnapshot.status() is of this type: it is part of the snapshot API.
                    .and(not(type(org.checkpointlab.model.runtime.SubtaskStatus.class))))
            .because("engine internals may change; the UI reads pipelines, jobs, snapshots, checkpoint stats, "
                    + "savepoint metadata and the key-group maths");

    @ArchTest
    static final ArchRule viewsDoNotDependOnTheApp = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..")
            .should().dependOnClassesThat().resideInAPackage("org.checkpointlab.app..");
}
