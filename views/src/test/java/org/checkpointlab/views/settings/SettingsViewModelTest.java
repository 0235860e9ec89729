package org.checkpointlab.views.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.live.BarrierMode;
import org.checkpointlab.views.session.FakeJobClient;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private FakeJobClient.Launcher launcher = FakeJobClient.Launcher.everyCapability();
    private JobSession session = new JobSession(launcher, TaskRunner.sameThread(), Path.of("target", "savepoints"));
    /** Word count, with no checkpointing section: Flink's defaults. */
    private final CommandStack edits = new CommandStack(EditablePipeline.of(TestPipelines.wordCount(), Map.of()));
    private SettingsViewModel form = new SettingsViewModel(session, edits);

    @Test
    void withoutAJob_theFormShowsFlinksDefaults_andTheyAreValid() {
        assertThat(form.text("interval").get()).isEqualTo("off");
        assertThat(form.text("timeout").get()).isEqualTo("10m");
        assertThat(form.text("maxConcurrent").get()).isEqualTo("1");
        assertThat(form.text("directory").get()).isEmpty();
        assertThat(form.modeProperty().get()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(form.problems()).isEmpty();
        assertThat(form.options()).contains(CheckpointOptions.defaults());
        assertThat(SettingsViewModel.defaultText("minPause")).isEqualTo("0ms");
    }

    @Test
    void negativeInterval_isRefusedWithAMessageNamingTheField() {
        form.text("interval").set("-1s");
        assertThat(form.problems()).singleElement().asString()
                .startsWith("Checkpoint interval: ")
                .contains("'-1s' is negative");
        assertThat(form.options()).isEmpty();
    }

    @Test
    void unalignedWithAtLeastOnce_isRefused_becauseUnalignedNeedsExactlyOnce() {
        form.unalignedProperty().set(true);
        assertThat(form.problems()).isEmpty();
        form.modeProperty().set(CheckpointingMode.AT_LEAST_ONCE);
        assertThat(form.problems()).containsExactly("unaligned checkpoints require exactly-once mode");
    }

    @Test
    void wholeNumberFields_refuseText_andNamedLimitsAreChecked() {
        form.text("maxConcurrent").set("two");
        form.text("retained").set("0");
        assertThat(form.problems()).containsExactly(
                "Max concurrent checkpoints: must be a whole number, was 'two'",
                "retained checkpoints must be at least 1, was 0");
    }

    @Test
    void everyFieldIsReadIntoTheOptions() {
        form.text("interval").set("500ms");
        form.text("timeout").set("1m");
        form.text("minPause").set("100ms");
        form.text("tolerableFailures").set("3");
        form.text("alignedTimeout").set("50ms");
        form.text("retained").set("2");
        form.text("directory").set("target/chk");
        form.unalignedProperty().set(true);
        form.retentionProperty().set(Retention.RETAIN_ON_CANCELLATION);
        CheckpointOptions o = form.options().orElseThrow();
        assertThat(o.interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(o.minPause()).isEqualTo(Duration.ofMillis(100));
        assertThat(o.tolerableFailures()).isEqualTo(3);
        assertThat(o.alignedTimeout()).isEqualTo(Duration.ofMillis(50));
        assertThat(o.retained()).isEqualTo(2);
        assertThat(o.directory()).isEqualTo(Path.of("target/chk"));
        assertThat(o.unaligned()).isTrue();
        assertThat(o.retention()).isEqualTo(Retention.RETAIN_ON_CANCELLATION);
    }

    @Test
    void applyWithoutARunningJob_savesInThePipeline_asOneUndoableEdit() {
        form.text("interval").set("1s");
        assertThat(form.apply()).isTrue();

        assertThat(edits.current().spec().checkpointing().written()).isEqualTo(Map.of("interval", "1s"));
        assertThat(edits.undoDescription()).hasValue("Undo Set checkpoint interval 1s");
        assertThat(form.messageProperty().get()).isEqualTo(SettingsViewModel.SAVED_FOR_RUN);
        assertThat(form.messageWarnsProperty().get()).isFalse();
        assertThat(launcher.started).isEmpty();

        edits.undo();
        assertThat(edits.current().spec().checkpointing().isEmpty()).isTrue();
        assertThat(form.text("interval").get()).as("the form follows the undo").isEqualTo("off");
        edits.redo();
        assertThat(form.text("interval").get()).isEqualTo("1s");
    }

    @Test
    void applyingWhatThePipelineHolds_recordsNoEdit() {
        form.text("interval").set("1s");
        form.apply();
        long revision = edits.revision();
        form.text("interval").set("1000ms");
        assertThat(form.apply()).isTrue();
        assertThat(edits.revision()).isEqualTo(revision);
        assertThat(edits.undoDescription()).hasValue("Undo Set checkpoint interval 1s");
    }

    @Test
    void severalChanges_areOneEdit_namedAfterThem() {
        form.text("interval").set("3s");
        form.modeProperty().set(CheckpointingMode.AT_LEAST_ONCE);
        form.apply();
        assertThat(edits.undoDescription())
                .hasValue("Undo Set checkpoint interval 3s, checkpointing mode at-least-once");
        assertThat(edits.current().spec().checkpointing().written())
                .isEqualTo(Map.of("interval", "3s", "mode", "at-least-once"));
        edits.undo();
        assertThat(edits.current().spec().checkpointing().isEmpty()).isTrue();
        assertThat(edits.canUndo()).isFalse();
    }

    @Test
    void theFormShowsTheOpenPipelinesOptions_notFlinksDefaults() {
        edits.reset(EditablePipeline.of(withCheckpointing(Map.of("interval", "2s", "unaligned", true)), Map.of()));
        assertThat(form.text("interval").get()).isEqualTo("2s");
        assertThat(form.unalignedProperty().get()).isTrue();
        form.text("interval").set("5s");
        form.revert();
        assertThat(form.text("interval").get()).isEqualTo("2s");
    }

    @Test
    void applyWithARunningJob_savesInThePipeline_andUpdatesTheJobFromItsNextCheckpoint() throws Exception {
        FakeJobClient job = (FakeJobClient) session.start(edits.current().spec());
        form.text("interval").set("250ms");
        form.unalignedProperty().set(true);

        assertThat(form.apply()).isTrue();

        assertThat(job.commands).as("the live update").endsWith("options unaligned=true interval=PT0.25S");
        assertThat(job.checkpointOptions().interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(edits.current().spec().checkpointing().written())
                .isEqualTo(Map.of("interval", "250ms", "unaligned", true));
        assertThat(form.messageProperty().get()).isEqualTo(SettingsViewModel.SAVED_AND_APPLIED);
        assertThat(form.messageWarnsProperty().get()).isFalse();
        assertThat(form.text("interval").get()).isEqualTo("250ms");
    }

    @Test
    void anEngineThatCannotChangeOptionsLive_keepsTheJobsOptions_andSaysSoAsAWarning() throws Exception {
        launcher = new FakeJobClient.Launcher(EnumSet.noneOf(JobClient.Capability.class));
        session = new JobSession(launcher, TaskRunner.sameThread(), Path.of("target", "savepoints"));
        form = new SettingsViewModel(session, edits);
        FakeJobClient job = (FakeJobClient) session.start(edits.current().spec());
        form.text("interval").set("250ms");

        assertThat(form.apply()).isTrue();

        assertThat(job.checkpointOptions().interval()).isNull();
        assertThat(edits.current().spec().checkpointing().written()).isEqualTo(Map.of("interval", "250ms"));
        assertThat(form.messageProperty().get()).startsWith("Saved in the pipeline, but the running job keeps its "
                + "settings (this engine cannot change checkpoint options while the job runs)");
        assertThat(form.messageWarnsProperty().get()).isTrue();
    }

    @Test
    void anInvalidForm_isNotSaved_andTheMessageWarns() {
        form.text("interval").set("-1s");
        assertThat(form.apply()).isFalse();
        assertThat(form.messageProperty().get()).isEqualTo("Not saved: fix the problems listed above");
        assertThat(form.messageWarnsProperty().get()).isTrue();
        assertThat(edits.canUndo()).isFalse();
    }

    @Test
    void theToolbarsBarrierMode_isThePipelinesOption_beforeRun() {
        ObjectProperty<BarrierMode> toolbar = new SimpleObjectProperty<>(BarrierMode.ALIGNED);
        BooleanProperty active = new SimpleBooleanProperty(false);
        ToolbarBarrierMode.bind(edits, toolbar, active);

        toolbar.set(BarrierMode.UNALIGNED);
        assertThat(edits.current().spec().checkpointing().written()).isEqualTo(Map.of("unaligned", true));
        assertThat(edits.undoDescription()).hasValue("Undo Set unaligned checkpoints true");
        assertThat(form.unalignedProperty().get()).as("Settings shows the toolbar's choice").isTrue();

        form.unalignedProperty().set(false);
        form.modeProperty().set(CheckpointingMode.AT_LEAST_ONCE);
        form.apply();
        assertThat(toolbar.get()).as("the toolbar shows Settings' choice").isEqualTo(BarrierMode.AT_LEAST_ONCE);

        edits.undo();
        edits.undo();
        assertThat(toolbar.get()).isEqualTo(BarrierMode.ALIGNED);
        assertThat(form.modeProperty().get()).isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    }

    private static PipelineSpec withCheckpointing(Map<String, Object> section) {
        PipelineSpec p = TestPipelines.wordCount();
        return new PipelineSpec(p.format(), p.name(), p.operators(), p.edges(), section, p.chaining());
    }

    @Test
    void incrementalOnHeap_isRefusedBeforeAnythingIsStopped() {
        form.backendProperty().set(StateBackendKind.HASHMAP);
        form.incrementalProperty().set(true);
        assertThat(form.redeploy()).isFalse();
        assertThat(form.redeployProblems())
                .containsExactly("Incremental checkpoints need the RocksDB state backend (as in Flink)");
    }

    @Test
    void restartChoices_buildTheirStrategies() {
        assertThat(RestartChoice.FIXED_DELAY.strategy(3, Duration.ofSeconds(2)))
                .isEqualTo(new RestartStrategy.FixedDelay(3, Duration.ofSeconds(2)));
        assertThat(RestartChoice.DEFAULT.strategy(3, Duration.ofSeconds(1))).isNull();
        assertThat(RestartChoice.of(new RestartStrategy.FailureRate(2, Duration.ofMinutes(1), Duration.ofSeconds(1))))
                .isEqualTo(RestartChoice.FAILURE_RATE);
    }
}
