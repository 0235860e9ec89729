package org.checkpointlab.views.savepoints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.TestPipelines;
import org.checkpointlab.views.editor.model.CommandStack;
import org.checkpointlab.views.editor.model.EditablePipeline;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore dialog when the new parallelism is impossible behind a forward edge: it names the edge, offers to
 * change it to rebalance as one undoable edit of the pipeline, and the restore then runs the sink at the new
 * parallelism behind a rebalance edge, on the local engine.
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
    void aSinkAtAnotherParallelismBehindAForwardEdge_isOfferedRebalance_asAnUndoableEdit() throws Exception {
        Path savepoint = dir.resolve("sp");
        try (Job job = Job.start(JobConfig.of(pipeline()))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(20))).isTrue();
            job.triggerSavepoint(savepoint).get(30, TimeUnit.SECONDS);
        }
        session = new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir.resolve("savepoints"));
        session.start(pipeline());
        CommandStack edits = new CommandStack(EditablePipeline.of(pipeline(), Map.of()));
        RestoreViewModel vm = new RestoreViewModel(session, edits);
        vm.pathProperty().set(savepoint);
        vm.load(); // read at once: the session's runner is the same thread
        assertThat(vm.savepointProperty().get()).isNotNull();
        assertThat(vm.forwardConflicts()).isEmpty();

        vm.operators().stream().filter(r -> r.id().equals("sink")).findFirst().orElseThrow().newParallelism().set(3);

        assertThat(vm.forwardConflicts()).containsExactly(new EdgeSpec("count", "sink", Partitioning.FORWARD));
        assertThat(vm.validate()).anySatisfy(p -> assertThat(p).startsWith("the forward edge count \u2192 sink "
                + "needs the same parallelism on both ends"));
        vm.restore(); // refused: the problem is listed in the dialog
        assertThat(vm.problems()).anySatisfy(p -> assertThat(p).startsWith("the forward edge count \u2192 sink"));

        vm.changeForwardToRebalance();

        assertThat(vm.forwardConflicts()).isEmpty();
        assertThat(vm.validate()).isEmpty();
        assertThat(vm.problems()).as("the solved problem is no longer listed").isEmpty();
        assertThat(countToSink(edits.current().spec())).isEqualTo(Partitioning.REBALANCE);
        assertThat(edits.canUndo()).isTrue();

        vm.restore();

        assertThat(vm.problems()).isEmpty();
        PipelineSpec running = session.job().pipeline();
        assertThat(running.operator("sink").orElseThrow().parallelism()).isEqualTo(3);
        assertThat(countToSink(running)).isEqualTo(Partitioning.REBALANCE);
        assertThat(session.job().awaitRunning(Duration.ofSeconds(20))).isTrue();

        edits.undo();
        assertThat(countToSink(edits.current().spec())).as("one undo restores forward").isEqualTo(Partitioning.FORWARD);
    }
}
