package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.StateBackendKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings map to Flink's keys of the same meaning; those Flink lacks are refused by name before anything runs. */
class RefusalTest {
    private final JobConfig base = JobConfig.of(RecoveryOnFlinkTest.keyedCount(0));

    @Test
    void checkpointOptionsMapToFlinkKeys() throws FlinkRefusal {
        FlinkOptions o = FlinkOptions.of(base.withCheckpointOptions(CheckpointOptions.defaults()
                .withInterval(Duration.ofMillis(500)).withMode(CheckpointingMode.AT_LEAST_ONCE)
                .withMinPause(Duration.ofMillis(20)).withMaxConcurrent(2).withTolerableFailures(3))
                .withRestartStrategy(new RestartStrategy.FixedDelay(4, Duration.ofSeconds(2))));
        assertThat(o.job()).containsEntry("execution.checkpointing.interval", "500 ms")
                .containsEntry("execution.checkpointing.mode", "AT_LEAST_ONCE")
                .containsEntry("execution.checkpointing.min-pause", "20 ms")
                .containsEntry("execution.checkpointing.max-concurrent-checkpoints", "2")
                .containsEntry("execution.checkpointing.tolerable-failed-checkpoints", "3")
                .containsEntry("execution.checkpointing.timeout", "600000 ms")
                .containsEntry("state.backend.type", "hashmap")
                .containsEntry("restart-strategy.type", "fixed-delay")
                .containsEntry("restart-strategy.fixed-delay.attempts", "4");
        assertThat(o.cluster()).containsEntry("jobmanager.execution.failover-strategy", "region");
    }

    @Test
    void rocksDbMapsToFlinksRocksDbBackend_withIncrementalCheckpointsAsTheRunSays() throws FlinkRefusal {
        assertThat(FlinkOptions.of(base.withBackend(StateBackendKind.ROCKSDB).withIncremental(true)).job())
                .containsEntry("state.backend.type", "rocksdb")
                .containsEntry("execution.checkpointing.incremental", "true");
        assertThat(FlinkOptions.of(base.withBackend(StateBackendKind.ROCKSDB)).job())
                .containsEntry("execution.checkpointing.incremental", "false");
    }

    @Test
    void recordsPerBufferAndLowPriorityAreRefusedByName() {
        RuntimeOptions d = RuntimeOptions.defaults();
        assertThatThrownBy(() -> FlinkOptions.of(base.withRuntimeOptions(
                new RuntimeOptions(d.bufferSize() + 1, d.buffersPerChannel(), d.bufferTimeout(), true))))
                .isInstanceOfSatisfying(FlinkRefusal.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("--buffer-size"))
                        .anySatisfy(p -> assertThat(p).startsWith("--low-priority")));
    }

    @Test
    void aLocalEngineSavepointIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("_metadata.json"), "{}");
        assertThatThrownBy(() -> FlinkOptions.of(base.withRestore(new SavepointRestore(dir, false))))
                .isInstanceOf(FlinkRefusal.class).hasMessageContaining("savepoint of the local engine");
    }

    @Test
    void aJobNeedingMoreSlotsThanTheClusterHasIsRefusedBeforeItRuns() throws Exception {
        JobConfig wide = base.withParallelism(java.util.Map.of("numbers", 9, "count", 9, "output", 9));
        assertThatThrownBy(() -> FlinkRun.submit(FlinkClusterExtension.cluster(), wide))
                .isInstanceOf(FlinkRefusal.class).hasMessageContaining("needs 9 task slots");
    }
}
