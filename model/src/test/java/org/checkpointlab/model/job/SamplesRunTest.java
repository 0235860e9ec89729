package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample a user opens first must run: bounded to 5,000 records per source, with its own checkpointing. */
class SamplesRunTest {

    static Stream<Path> samples() throws Exception {
        return Files.list(Path.of("..", "samples")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void sampleRunsToTheEndWithCompletedCheckpoints(Path file) throws Exception {
        PipelineSpec pipeline = PipelineJson.read(file);
        CheckpointOptions options = CheckpointOptionsJson.apply(pipeline.checkpointing(), CheckpointOptions.defaults())
                .withInterval(Duration.ofMillis(100));
        JobConfig config = JobConfig.of(pipeline).withCheckpointOptions(options).withRecords(5_000L);
        try (Job job = Job.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = job.summary();
            assertThat(summary.status()).as(String.valueOf(summary.failureCause())).isEqualTo(JobStatus.FINISHED);
            assertThat(summary.sourceRecords()).isPositive();
            assertThat(summary.completedCheckpoints()).isPositive();
        }
    }
}
