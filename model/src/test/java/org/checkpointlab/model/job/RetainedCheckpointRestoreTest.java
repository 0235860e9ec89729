package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.checkpointlab.model.Await;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.savepoint.SavepointMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointRestoreTest {
    @TempDir
    Path checkpoints;

    /** The retained checkpoint's directory, once its metadata is written (off the control thread). */
    private Path retainedCheckpoint(long id) {
        Path chk = checkpoints.resolve("chk-" + id);
        Await.until(() -> Files.exists(chk.resolve(SavepointMetadata.FILE_NAME)), "the metadata of " + chk);
        return chk;
    }

    /** True when the channel from {@code from} to {@code to} holds as many buffers as it has credits. */
    private static boolean channelFull(Job job, String from, String to) {
        return job.snapshot().channels().stream().anyMatch(c -> c.fromOperator().equals(from)
                && c.toOperator().equals(to) && c.availableCredits() == 0);
    }

    private static PipelineSpec slowPipeline(int countParallelism) {
        return new PipelineSpec(1, "slow", List.of(
                TestPipelines.source("source", 2, 0L, 50L, 100_000L),
                TestPipelines.op("count", "keyed-count", countParallelism, Map.of()),
                TestPipelines.op("slow", "slow", countParallelism, Map.of("costMicros", 20L)),
                TestPipelines.op("sink", "discard-sink", countParallelism, Map.of())),
                List.of(TestPipelines.edge("source", "count", org.checkpointlab.model.pipeline.Partitioning.HASH),
                        TestPipelines.edge("count", "slow", org.checkpointlab.model.pipeline.Partitioning.FORWARD),
                        TestPipelines.edge("slow", "sink", org.checkpointlab.model.pipeline.Partitioning.FORWARD)),
                Map.of(), false);
    }

    @Test
    void retainedCheckpoint_restoresLikeASavepoint_evenRescaled() throws Exception {
        CheckpointOptions options = CheckpointOptions.defaults().withDirectory(checkpoints)
                .withRetention(Retention.RETAIN_ON_CANCELLATION);
        JobConfig config = JobConfig.of(TestPipelines.keyedCount(0, 100, 2, "discard-sink", true))
                .withCheckpointOptions(options);
        CheckpointStats last;
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
            last = job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
        }
        Path chk = retainedCheckpoint(last.id());
        assertThat(chk.resolve(SavepointMetadata.FILE_NAME)).exists();
        try (Stream<Path> dirs = Files.list(checkpoints)) {
            assertThat(dirs.map(d -> d.getFileName().toString())).containsExactly("chk-" + last.id());
        }
        JobConfig rescaled = JobConfig.of(TestPipelines.keyedCount(0, 100, 3, "discard-sink", true))
                .withRestore(new SavepointRestore(chk, false));
        try (Job job = Job.start(rescaled)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.snapshot().subtasks()).allSatisfy(s ->
                    assertThat(s.restoredCheckpointId()).isEqualTo(last.id()));
            assertThat(job.snapshot().startedFromSavepointId()).as("a retained checkpoint is no savepoint")
                    .isEqualTo(-1);
        }
    }

    @Test
    void unalignedRetainedCheckpoint_replaysInFlightData_butCannotBeRescaled() throws Exception {
        CheckpointOptions options = CheckpointOptions.defaults().withDirectory(checkpoints)
                .withRetention(Retention.RETAIN_ON_CANCELLATION).withUnaligned(true);
        JobConfig config = JobConfig.of(slowPipeline(2)).withCheckpointOptions(options);
        CheckpointStats stats;
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            // Backpressure: the slow operator's input queue is full, so the unaligned barrier overtakes buffers.
            Await.until(() -> channelFull(job, "count", "slow"), "a full channel from count to slow");
            stats = job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
        }
        assertThat(stats.persistedInFlight()).isPositive();
        Path chk = retainedCheckpoint(stats.id());
        try (Job job = Job.start(JobConfig.of(slowPipeline(2)).withRestore(new SavepointRestore(chk, false)))) {
            assertThat(job.awaitRunning(Duration.ofSeconds(10))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        }
        assertThatThrownBy(() -> Job.start(JobConfig.of(slowPipeline(3))
                .withRestore(new SavepointRestore(chk, false))))
                .isInstanceOf(PipelineException.class)
                .hasMessageContaining("in-flight data");
    }
}
