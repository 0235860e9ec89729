package org.checkpointlab.views.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.KeyLocation;
import org.checkpointlab.model.state.KeyGroups;
import org.checkpointlab.views.session.JobSession;
import org.checkpointlab.views.session.RescalePlan;
import org.checkpointlab.views.session.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The State view following the running job on the local engine, through the session as the Job menu opens it: the
 * latest completed checkpoint's keyed state, a key found there, its value growing as later checkpoints complete,
 * and after a rescale to 3 the key on its new subtask with its value intact.
 */
class RunningJobStateTest {
    @TempDir
    Path dir;
    private JobSession session;
    private final StateViewModel viewModel = new StateViewModel();

    @AfterEach
    void stop() {
        if (session != null && session.job() != null) {
            session.job().close();
        }
    }

    private static JobConfig unboundedKeyedCount() {
        PipelineSpec p = new PipelineSpec(PipelineSpec.CURRENT_FORMAT, "live state", List.of(
                new OperatorSpec("source", null, "sequence-source", 2, null,
                        Map.of("count", 0L, "keys", 10L, "ratePerSecond", 1_000L)),
                new OperatorSpec("count", null, "keyed-count", 2, null, Map.of()),
                new OperatorSpec("sink", null, "transactional-sink", 2, null, Map.of())),
                List.of(new EdgeSpec("source", "count", Partitioning.HASH),
                        new EdgeSpec("count", "sink", Partitioning.FORWARD)), Map.of(), true);
        return JobConfig.of(p)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(100)));
    }

    /** Refreshes the session (its snapshot reaches the state follower) until {@code condition} holds. */
    private void refreshUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 60 s for " + what).isLessThan(deadline);
            LockSupport.parkNanos(20_000_000L); // polls a condition, orders nothing
            session.refresh();
        }
    }

    private long foundCount() {
        KeyLocation found = viewModel.foundProperty().get();
        return found == null ? -1 : ((Number) found.values().get(0).value()).longValue();
    }

    @Test
    void followsTheLatestCheckpoint_andFindsAKeyOnItsNewSubtaskAfterARescale() throws Exception {
        session = new JobSession(JobLauncher.local(), TaskRunner.sameThread(), dir);
        viewModel.liveProperty().set(true);
        RunningJobState running = new RunningJobState(viewModel, session.jobProperty(), session.snapshotProperty(),
                TaskRunner.sameThread());
        running.refresh();
        assertThat(viewModel.summaryProperty().get()).startsWith("No job: press Run");

        JobClient first = session.start(unboundedKeyedCount());
        refreshUntil("a checkpoint's state", () -> viewModel.stateProperty().get() != null);
        assertThat(viewModel.summaryProperty().get()).startsWith("Running job live state: latest completed "
                + "checkpoint #").endsWith("follows each new checkpoint");
        assertThat(viewModel.selectedOperatorProperty().get().id()).isEqualTo("count");
        assertThat(viewModel.subtasks()).hasSize(2);

        viewModel.keyProperty().set("3");
        refreshUntil("key 3 in a checkpoint", viewModel::find);
        KeyLocation before = viewModel.foundProperty().get();
        long countBefore = foundCount();
        refreshUntil("a later checkpoint with a higher count", () -> foundCount() > countBefore);
        assertThat(viewModel.foundProperty().get().savedSubtask()).isEqualTo(before.savedSubtask());

        List<List<String>> problems = new ArrayList<>();
        session.rescale(RescalePlan.of(first.pipeline(), Map.of("count", 3, "sink", 3)), j -> { }, problems::add);
        assertThat(problems).isEmpty();
        long countAtRescale = foundCount();
        refreshUntil("the state at parallelism 3", () -> viewModel.stateProperty().get() != null
                && viewModel.stateProperty().get().operator("count").orElseThrow().parallelism() == 3
                && viewModel.foundProperty().get() != null);

        KeyLocation after = viewModel.foundProperty().get();
        assertThat(after.keyGroup()).isEqualTo(before.keyGroup());
        assertThat(after.savedParallelism()).isEqualTo(3);
        assertThat(after.savedSubtask()).isEqualTo(
                KeyGroups.operatorIndexForKeyGroup(after.maxParallelism(), 3, after.keyGroup()));
        assertThat(foundCount()).as("the count moved with its key").isGreaterThanOrEqualTo(countAtRescale);
        assertThat(viewModel.selectedSubtaskProperty().get().index()).isEqualTo(after.savedSubtask());

        viewModel.pathProperty().set(dir.resolve("no-such-savepoint"));
        viewModel.load();
        assertThat(viewModel.liveProperty().get()).as("loading a directory stops following the job").isFalse();
        running.close();
    }
}
