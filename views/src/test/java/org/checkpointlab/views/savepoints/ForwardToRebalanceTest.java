package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineLoader;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.MainViewModel;
import org.checkpointlab.views.SampleCatalog;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.editor.EditorViewModel;
import org.checkpointlab.views.editor.RecentFiles;
import org.checkpointlab.views.graph.PipelineGraphViewModel;
import org.checkpointlab.views.live.LiveJobViewModel;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore dialog when the new parallelism is impossible behind a forward edge: it names the edge and offers to
 * change it to rebalance. That leaves the running job alone (an edit of the pipeline would stop it); the restore
 * then runs the sink at the new parallelism behind a rebalance edge, on the local engine, and the pipeline being
 * edited follows the restored job as one undoable step.
 */
class ForwardToRebalanceTest {
    @TempDir
    Path dir;
    private JobSession session;

    /** numbers(1) -hash-> count(2) -forward-> sink(2), unbounded at a watchable rate. */
    private static PipelineSpec pipeline() {
        return TestPipelines.keyedCount("keyed count", new OperatorSpec("numbers", null, "sequence-source", 1, null,
                        Map.of("count", 0L, "ratePerSecond", 200L)),
                TestPipelines.operator("count", "keyed-count", 2), Partitioning.FORWARD,
                TestPipelines.operator("sink", "discard-sink", 2));
    }

    @AfterEach
    void stop() {
        if (session != null && session.job() != null) {
            session.job().close();
        }
    }

    private static Partitioning countToSink(PipelineSpec p) {
        return p.edges().stream().filter(e -> e.from().equals("count")).findFirst().orElseThrow().partitioning();
    }

    @Test
    void aSinkAtAnotherParallelismBehindAForwardEdge_isOfferedRebalance_andTheRunningJobRunsOnUntilTheRestore()
            throws Exception {
        Path savepoint = dir.resolve("sp");
        try (Job job = Job.start(JobConfig.of(pipeline()))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(20))).isTrue();
            job.triggerSavepoint(savepoint).get(30, TimeUnit.SECONDS);
        }
        session = new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir.resolve("savepoints"));
        LiveJobViewModel live = new LiveJobViewModel(session, RuntimeOptions.defaults(), System::currentTimeMillis);
        MainViewModel main = new MainViewModel(PipelineLoader.validating()::load,
                new SampleCatalog(dir.resolve("samples")), new PipelineGraphViewModel(), live, RecentFiles.inMemory());
        new EditorViewModel(main.edits(), main.graph(), live::load, main.structureLockedProperty());
        Path file = dir.resolve("keyed-count.json");
        PipelineJson.write(pipeline(), file);
        assertThat(main.open(file)).isTrue();
        assertThat(live.run()).isTrue();
        JobClient running = session.job();

        RestoreViewModel vm = new RestoreViewModel(session);
        vm.pathProperty().set(savepoint);
        vm.load(); // read at once: the session's runner is the same thread
        assertThat(vm.savepointProperty().get()).isNotNull();
        assertThat(vm.forwardConflicts()).isEmpty();

        vm.operators().stream().filter(r -> r.id().equals("sink")).findFirst().orElseThrow().newParallelism().set(3);

        assertThat(vm.forwardConflicts()).containsExactly(new EdgeSpec("count", "sink", Partitioning.FORWARD));
        vm.restore(); // refused: the problem is listed in the dialog
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith("the forward edge count \u2192 sink "
                + "needs the same parallelism on both ends"));

        vm.changeForwardToRebalance();

        assertThat(vm.forwardConflicts()).isEmpty();
        assertThat(vm.validate()).isEmpty();
        assertThat(vm.problems()).as("the solved problem is no longer listed").isEmpty();
        assertThat(session.job()).as("nothing restored yet: the same job").isSameAs(running);
        assertThat(running.status()).as("and it runs on").isEqualTo(JobStatus.RUNNING);
        assertThat(countToSink(main.edits().current().spec())).isEqualTo(Partitioning.FORWARD);

        vm.restore();

        assertThat(vm.problems()).isEmpty();
        PipelineSpec restored = session.job().pipeline();
        assertThat(restored.operator("sink").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(countToSink(restored)).isEqualTo(Partitioning.REBALANCE);
        assertThat(session.job().awaitRunning(Duration.ofSeconds(20))).isTrue();
        // The edits followed the restored job in one step, which leaves it running.
        PipelineSpec edited = main.edits().current().spec();
        assertThat(countToSink(edited)).isEqualTo(Partitioning.REBALANCE);
        assertThat(edited.operator("sink").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(main.edits().undoDescription()).hasValueSatisfying(d -> assertThat(d).contains("sink to 3")
                .contains("rebalance"));
        assertThat(session.job().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(live.activeProperty().get()).isTrue();
        assertThat(main.statusProperty().get()).as("the status line says what the pipeline took from the job")
                .isEqualTo("The pipeline follows the job now running: Rescale sink to 3 via savepoint; "
                        + "Set partitioning of count -> sink to rebalance (Edit > Undo changes only the pipeline)");

        main.edits().undo();
        assertThat(countToSink(main.edits().current().spec())).as("one undo restores forward")
                .isEqualTo(Partitioning.FORWARD);
    }
}
