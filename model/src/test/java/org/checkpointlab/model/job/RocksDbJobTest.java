package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job on the RocksDB backend with incremental checkpoints, seen from the outside: statistics and files. */
class RocksDbJobTest {

    @TempDir
    Path checkpoints;

    @Test
    void incrementalCheckpoints_reportTheDeltaAsCheckpointedSize_andPutSstFilesInTheSharedDirectory()
            throws Exception {
        PipelineSpec pipeline = new PipelineSpec(1, "rocksdb-incremental", List.of(
                TestPipelines.source("source", 2, 100_000_000L, 20_000L, 200_000L),
                TestPipelines.op("count", "keyed-count", 2, Map.of()),
                TestPipelines.op("sink", "discard-sink", 2, Map.of())),
                List.of(TestPipelines.edge("source", "count", Partitioning.HASH),
                        TestPipelines.edge("count", "sink", Partitioning.FORWARD)),
                Map.of(), false);
        JobConfig config = JobConfig.of(pipeline)
                .withCheckpointOptions(CheckpointOptions.defaults().withDirectory(checkpoints))
                .withBackend(StateBackendKind.ROCKSDB).withIncremental(true);
        List<CheckpointStats> stats = new ArrayList<>();
        try (Job job = Job.start(config)) {
            assertThat(job.awaitRunning(Duration.ofSeconds(30))).isTrue();
            for (int i = 0; i < 3; i++) {
                CheckpointStats s = job.triggerCheckpoint().get();
                assertThat(s.status()).as("checkpoint %d: %s", s.id(), s.failureCause()).isEqualTo(
                        CheckpointStatus.COMPLETED);
                stats.add(s);
            }
            // While the job runs: incremental checkpoints keep their SST files in the shared directory (it is
            // cleaned up when the job ends without retained checkpoints).
            try (Stream<Path> shared = Files.list(checkpoints.resolve("shared"))) {
                assertThat(shared.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".sst"));
            }
        }
        assertThat(checkpoints.resolve("shared")).doesNotExist();
        assertThat(stats.get(0).checkpointedSize()).isPositive();
        for (CheckpointStats s : stats.subList(1, stats.size())) {
            assertThat(s.checkpointedSize()).as("checkpoint %d uploads only the new SST files", s.id())
                    .isPositive().isLessThan(s.fullSize());
        }
    }
}
