package org.checkpointlab.views;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.OperatorSubtaskState;
import org.checkpointlab.model.checkpoint.TaskStateSnapshot;
import org.checkpointlab.model.client.LocalJobClient;
import org.checkpointlab.model.job.RestartStrategy;

/**
 * The views reach a running job only through the job-client boundary ({@code model.client}) and read the
 * engine-neutral records (pipeline, observation, configuration and statistics values); they never touch an engine
 * class, so another engine can be put behind the same views. View models stay free of controls and chart libraries.
 */
@AnalyzeClasses(packages = "org.checkpointlab", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewsArchitectureTest {

    /** Records and enums of the job and checkpoint packages: configuration, status and statistics values. */
    private static final DescribedPredicate<JavaClass> VALUE_TYPE = assignableTo(Record.class)
            .or(DescribedPredicate.describe("an enum", JavaClass::isEnum))
            .or(type(RestartStrategy.class))
            .and(not(type(CompletedCheckpoint.class).or(type(TaskStateSnapshot.class))
                    .or(type(OperatorSubtaskState.class)))) // the engine's task state
            .as("a record or enum");

    private static final DescribedPredicate<JavaClass> WHAT_VIEWS_MAY_USE = resideInAnyPackage(
            "org.checkpointlab.model.client",
            "org.checkpointlab.model.lesson",
            "org.checkpointlab.model.pipeline",
            "org.checkpointlab.model.observe",
            "org.checkpointlab.model.savepoint",
            "org.checkpointlab.model.util")
            .or(resideInAnyPackage("org.checkpointlab.model.job", "org.checkpointlab.model.checkpoint")
                    .and(VALUE_TYPE))
            // the key-group maths, pure functions shared with the engine
            .or(resideInAPackage("org.checkpointlab.model.state")
                    .and(simpleName("KeyGroups").or(simpleName("KeyGroupRange"))));

    @ArchTest
    static final ArchRule viewsNeverUseAnEngineClass = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..")
            .should().dependOnClassesThat(resideInAPackage("org.checkpointlab.model..")
                    .and(not(WHAT_VIEWS_MAY_USE)))
            .because("a front end drives a job through JobClient and reads engine-neutral records; engine "
                    + "internals (Job, tasks, coordinator, backends) may change or be another engine");

    @ArchTest
    static final ArchRule viewsDoNotReachBehindTheLocalClient = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..")
            .should().dependOnClassesThat(type(LocalJobClient.class))
            .because("which engine runs a job is the composition root's choice (JobLauncher)");

    @ArchTest
    static final ArchRule viewModelsUseNoControlsAwtOrCharts = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..").and().haveSimpleNameEndingWith("ViewModel")
            // The charts' view model still builds its JFreeChart objects; drawing moves to ChartsView with the
            // chart work under way in views/charts.
            .and().doNotHaveSimpleName("ChartsViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "java.awt..", "javax.swing..",
                    "org.jfree..")
            .because("a view model holds state and commands that tests drive without a window (MVVM)");

    @ArchTest
    static final ArchRule viewsDoNotDependOnTheApp = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..")
            .should().dependOnClassesThat().resideInAPackage("org.checkpointlab.app..");
}
