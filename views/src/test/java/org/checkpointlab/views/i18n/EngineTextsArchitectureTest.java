package org.checkpointlab.views.i18n;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.DeclineReason;
import org.checkpointlab.model.checkpoint.OptionProblem;
import org.checkpointlab.model.checkpoint.TriggerRefusal;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.DeliveryVerdict;
import org.checkpointlab.model.observe.CheckpointStall;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.StepEvent;
import org.checkpointlab.model.pipeline.CheckpointingConfig;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.pipeline.PipelineValidator;
import org.checkpointlab.model.pipeline.ValidationProblem;
import org.checkpointlab.model.savepoint.SavepointProblem;

/**
 * The engine's own English never reaches the window where the engine gives facts: the views word validation
 * problems, delivery verdicts, checkpoint failures, refused triggers, injected failures, checkpoint stalls,
 * step events and checkpoint options' problems from the bundles, so they never call the English accessors the
 * command line prints. (A literal scan cannot see these: the English is built in {@code model}.) Same class import
 * as {@code ViewsArchitectureTest}, which ArchUnit caches.
 */
@AnalyzeClasses(packages = "org.checkpointlab", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineTextsArchitectureTest {

    @ArchTest
    static final ArchRule viewsWordEngineFactsFromTheBundles = noClasses()
            .that().resideInAPackage("org.checkpointlab.views..")
            .should().callMethod(PipelineValidator.class, "problems", PipelineSpec.class)
            .orShould().callMethod(ValidationProblem.class, "english")
            .orShould().callMethod(DeliveryCheck.SinkDelivery.class, "verdict")
            .orShould().callMethod(DeliveryVerdict.class, "english")
            .orShould().callMethod(DeliveryVerdict.NotComputable.class, "english")
            .orShould().callMethod(JobClient.class, "deliveryNotComputableBecause", boolean.class)
            .orShould().callMethod(CheckpointStats.class, "failureCause")
            .orShould().callMethod(CheckpointFailure.class, "english")
            .orShould().callMethod(TriggerRefusal.class, "english")
            .orShould().callMethod(FailureCause.class, "english")
            .orShould().callMethod(CheckpointStall.class, "message")
            .orShould().callMethod(CheckpointStall.class, "cause")
            .orShould().callMethod(JobClient.class, "lastStepEvent")
            .orShould().callMethod(StepEvent.class, "english")
            .orShould().callMethod(DeclineReason.class, "english")
            .orShould().callMethod(CheckpointOptions.class, "problems")
            .orShould().callMethod(OptionProblem.class, "english")
            .orShould().callMethod(CheckpointingConfig.class, "problems")
            .orShould().callMethod(SavepointProblem.class, "english")
            .because("the UI speaks the user's language: a view words an engine fact through Texts (the English "
                    + "accessors are the command line's)");
}
