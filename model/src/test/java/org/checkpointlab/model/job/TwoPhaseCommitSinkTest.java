package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoPhaseCommitSinkTest {

    @TempDir
    Path output;

    private static long partFileLines(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("part-")).mapToLong(f -> {
                try {
                    return Files.readAllLines(f).size();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }

    @Test
    void nothingBecomesVisibleBeforeACheckpointCompletes_thenExactlyWhatPrecededTheBarrier() throws Exception {
        PipelineSpec pipeline = new PipelineSpec(1, "2pc", List.of(
                // Max parallelism 1: one split, so the source emits 0, 1, 2, ... in order.
                new org.checkpointlab.model.pipeline.OperatorSpec("source", "source", "sequence-source", 1, 1,
                        Map.of("count", 0L, "keys", 10L, "ratePerSecond", 20_000L)),
                TestPipelines.op("sink", "transactional-sink", 1, Map.of())),
                List.of(TestPipelines.edge("source", "sink", Partitioning.FORWARD)), Map.of(), false);
        try (Job job = Job.start(JobConfig.of(pipeline).withOutputDir(output))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sinkRecordsIn(job) < 1000 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(sinkRecordsIn(job)).isGreaterThanOrEqualTo(1000);
            assertThat(job.sinkOutputs().get("sink").count()).isZero();
            assertThat(partFileLines(output)).isZero();

            CheckpointStats stats = job.triggerCheckpoint().get(10, TimeUnit.SECONDS);
            assertThat(stats.status()).isEqualTo(CheckpointStatus.COMPLETED);
            // The commit happens when the sink processes the completion notification.
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (job.sinkOutputs().get("sink").count() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            long committed = job.sinkOutputs().get("sink").count();
            assertThat(committed).isPositive();
            // Committed records are exactly the source's first records: 0..committed-1, each once.
            assertThat(job.sinkOutputs().get("sink").records())
                    .extracting(r -> (Long) r.value())
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, committed).boxed().toList());
            assertThat(partFileLines(output)).isEqualTo(committed);
        }
    }

    private static long sinkRecordsIn(Job job) {
        return job.summary().operators().stream().filter(o -> o.id().equals("sink")).findFirst().orElseThrow()
                .recordsIn();
    }
}
