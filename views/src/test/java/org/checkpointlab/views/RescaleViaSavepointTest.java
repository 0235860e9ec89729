package org.checkpointlab.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.client.LocalJobClient;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.checkpointlab.views.editor.EditorViewModel;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.graph.OperatorNode;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.live.SubtaskKey;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.RescalePlan;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rescale via savepoint on the real engine, through the main window's view model: the job is stopped with a
 * savepoint and runs again from it at the new parallelism, keyed counts carry on where they were (the final count
 * of every key equals a failure-free run's), and the edit history records the change as one undoable step.
 * Engine work runs on the test thread ({@link TaskRunner#sameThread()}).
 */
class RescaleViaSavepointTest {
    private static final long RECORDS = 30_000;
    private static final long KEYS = 50;

    @TempDir
    Path dir;

    private JobSession session;
    private LiveJobViewModel live;
    private MainViewModel viewModel;

    /** numbers(2, throttled) -hash-> count(2) -rebalance-> sink(1). */
    private static PipelineSpec keyedCount(long ratePerSecond) {
        return TestPipelines.keyedCount("Keyed count", new OperatorSpec("numbers", null, "sequence-source", 2, null,
                        Map.of("count", RECORDS, "keys", KEYS, "ratePerSecond", ratePerSecond)),
                TestPipelines.operator("count", "keyed-count", 2), Partitioning.REBALANCE,
                TestPipelines.operator("sink", "collect-sink", 1));
    }

    @BeforeEach
    void setUp() throws IOException {
        session = new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir.resolve("savepoints"));
        live = new LiveJobViewModel(session, RuntimeOptions.defaults(), System::currentTimeMillis);
        viewModel = new MainViewModel(PipelineLoader.validating()::load, new SampleCatalog(dir.resolve("samples")),
                new PipelineGraphViewModel(), live, RecentFiles.inMemory());
        // As in the main window: the editor makes the graph follow the edits.
        new EditorViewModel(viewModel.edits(), viewModel.graph(), live::load, viewModel.structureLockedProperty());
        Path file = dir.resolve("keyed-count.json");
        PipelineJson.write(keyedCount(6_000), file);
        assertThat(viewModel.open(file)).isTrue();
    }

    @AfterEach
    void closeJobs() {
        if (session.job() != null) {
            session.job().close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("waited 30 s for " + what);
        }
    }

    /** The last (highest) count the sink received for each key. */
    private static Map<Object, Long> finalCounts(JobClient client) {
        return finalCounts(((LocalJobClient) client).job());
    }

    private static Map<Object, Long> finalCounts(Job job) {
        Map<Object, Long> counts = new HashMap<>();
        for (StreamRecord r : job.sinkOutputs().get("sink").records()) {
            counts.merge(r.key(), ((Number) r.value()).longValue(), Math::max);
        }
        return counts;
    }

    private JobClient startAndAwaitProgress() throws Exception {
        assertThat(viewModel.run()).isTrue();
        JobClient job = session.job();
        assertThat(job).as("Run started the session's job").isNotNull();
        await("records flowing", () -> job.summary().sourceRecords() >= 3_000);
        return job;
    }

    @Test
    void rescale_runsAtTheNewParallelismFromTheSavepoint_andKeyedCountsCarryOn() throws Exception {
        Map<Object, Long> expected;
        try (Job clean = Job.start(JobConfig.of(keyedCount(0)))) {
            assertThat(clean.awaitTermination(Duration.ofSeconds(30))).isTrue();
            expected = finalCounts(clean);
        }
        assertThat(expected).hasSize((int) KEYS).allSatisfy((key, count) -> assertThat(count).isEqualTo(600));
        JobClient before = startAndAwaitProgress();
        assertThat(viewModel.structureLockedProperty().get()).isTrue();

        RescalePlan plan = viewModel.rescaleViaSavepoint("count", 4);

        assertThat(plan.problems()).isEmpty();
        JobClient after = session.job();
        assertThat(after).isNotSameAs(before);
        assertThat(before.status()).isEqualTo(JobStatus.FINISHED);
        live.refresh(System.nanoTime());
        assertThat(live.subtask("count", 3)).as("the live graph draws the rescaled job's fourth subtask").isNotNull();
        assertThat(after.config().restore()).isNotNull();
        assertThat(after.pipeline().operator("count").orElseThrow().parallelism()).isEqualTo(4);
        assertThat(after.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(after.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(after.snapshot().subtasks()).filteredOn(s -> s.operatorIds().contains("count")).hasSize(4)
                .allSatisfy(s -> assertThat(after.snapshot().isStartSavepoint(s.restoredCheckpointId())).isTrue());
        live.refresh(System.nanoTime());
        live.select(new SubtaskKey("count", 3));
        assertThat(live.selectedDetailsProperty().get()).as("the subtask panel names the savepoint it restored")
                .contains("restored from savepoint " + after.snapshot().startedFromSavepointId())
                .doesNotContain("from checkpoint");
        assertThat(finalCounts(after)).as("every key counted on from its saved count").isEqualTo(expected);

        // The editor holds the new parallelism as one undoable step, and the graph draws it.
        assertThat(viewModel.edits().current().spec().operator("count").orElseThrow().parallelism()).isEqualTo(4);
        assertThat(viewModel.edits().undoDescription()).contains("Undo Rescale count to 4 via savepoint");
        assertThat(viewModel.graph().node("count").map(OperatorNode::parallelism)).contains(4);
        assertThat(viewModel.statusProperty().get()).startsWith("Rescaled via savepoint: count 2 \u2192 4");
        viewModel.edits().undo();
        assertThat(viewModel.edits().current().spec().operator("count").orElseThrow().parallelism()).isEqualTo(2);

        live.refresh(System.nanoTime());
        assertThat(viewModel.structureLockedProperty().get()).as("unlocked once the job ended").isFalse();
    }

    @Test
    void rescaleAboveTheMaxParallelism_isRefusedAndTheJobKeepsRunning() throws Exception {
        JobClient running = startAndAwaitProgress();
        long revision = viewModel.edits().revision();

        RescalePlan plan = viewModel.rescaleViaSavepoint("count", 200);

        assertThat(plan.problems()).singleElement().asString()
                .isEqualTo("parallelism of 'count' cannot be 200: its max parallelism is 128 (the number of key "
                        + "groups, fixed when the job first started)");
        assertThat(viewModel.statusProperty().get()).startsWith("Cannot rescale: parallelism of 'count'");
        assertThat(session.job()).isSameAs(running);
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.savepoints()).isEmpty();
        assertThat(viewModel.edits().revision()).isEqualTo(revision);
        assertThat(viewModel.rescalingProperty().get()).isFalse();
    }

    @Test
    void withoutARunningJob_rescaleSaysSoAndChangesNothing() {
        RescalePlan plan = viewModel.rescaleViaSavepoint("count", 3);

        assertThat(plan.problems()).singleElement().asString().startsWith("no running job to rescale");
        assertThat(viewModel.edits().canUndo()).isFalse();
    }
}
