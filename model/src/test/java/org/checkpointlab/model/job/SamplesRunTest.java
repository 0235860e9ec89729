package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.OperatorKind;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample a user opens first must run: bounded to what its sources emit in about 2 s at their own rate (at most
 * 5,000 records per source; the samples run at a rate a person can follow), with its own checkpointing.
 */
class SamplesRunTest {
    private static final long MAX_RECORDS = 5_000;
    private static final long SECONDS = 2;

    static Stream<Path> samples() throws Exception {
        return Files.list(Path.of("..", "samples")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRunsToTheEndWithCompletedCheckpoints(Path file) throws Exception {
        PipelineSpec pipeline = PipelineJson.read(file);
        CheckpointOptions options = pipeline.checkpointing().options()
                .withInterval(Duration.ofMillis(100));
        JobConfig config = JobConfig.of(pipeline).withCheckpointOptions(options).withRecords(records(pipeline));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = job.summary();
            assertThat(summary.status()).as(String.valueOf(summary.failureCause())).isEqualTo(JobStatus.FINISHED);
            assertThat(summary.sourceRecords()).isPositive();
            assertThat(summary.completedCheckpoints()).isPositive();
        }
    }

    /** Records per source: what the slowest rate-limited source emits in {@link #SECONDS}, at most 5,000. */
    private static long records(PipelineSpec pipeline) {
        long records = MAX_RECORDS;
        for (OperatorSpec op : pipeline.operators()) {
            OperatorKind kind = OperatorKind.byJsonName(op.kind()).orElseThrow();
            if (kind.role() == OperatorKind.Role.SOURCE && kind.param("ratePerSecond").isPresent()) {
                long rate = kind.paramsOf(op).getLong("ratePerSecond");
                if (rate > 0) {
                    records = Math.min(records, Math.max(1, rate * op.parallelism() * SECONDS));
                }
            }
        }
        return records;
    }
}
