package org.checkpointlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.DeliveryCheck;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineJson;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sample runs on the embedded Flink; every one whose output the delivery check can compute commits on Flink
 * exactly what the local engine commits without failures, record for record (the delivery check runs the local
 * engine as the reference and compares the multisets of committed records). Discard sinks are made collect sinks
 * first, so that there is output to compare. Checkpoints every 100 ms, so transactional sinks commit through them.
 */
class SamplesOnFlinkTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    @ParameterizedTest
    @ValueSource(strings = {"word-count.json", "keyed-count-slow-sink.json", "two-source-union.json",
        "twenty-operators.json", "benchmark-keyed-count.json", "benchmark-backpressure.json",
        "windowed-aggregation.json"})
    void committedOutputOnFlinkEqualsTheLocalEngines(String sample) throws Exception {
        PipelineSpec pipeline = withCollectSinks(PipelineJson.read(SAMPLES.resolve(sample)));
        JobConfig config = JobConfig.of(pipeline).withRecords(2_000L)
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(100)));
        boolean computable = DeliveryCheck.notComputableBecause(config).isEmpty();

        try (FlinkRun run = FlinkRun.submit(FlinkClusterExtension.cluster(), config)) {
            assertThat(run.awaitTermination(Duration.ofSeconds(60))).isTrue();
            JobSummary summary = run.summary();
            assertThat(summary.status()).as(summary.failureCause()).isEqualTo(JobStatus.FINISHED);
            if (!computable) {
                return;
            }
            List<DeliveryCheck.SinkDelivery> delivery = DeliveryCheck.check(config, run.sinkOutputs());
            assertThat(delivery).isNotEmpty();
            assertThat(delivery).allSatisfy(d -> {
                assertThat(d.exactlyOnce()).as(d.sinkId() + ": " + d.verdict()).isTrue();
                assertThat(d.committed()).isPositive();
            });
        }
    }

    @Test
    void theDeterministicSamplesAreCompared() throws Exception {
        List<String> computable = new ArrayList<>();
        for (String sample : List.of("word-count.json", "keyed-count-slow-sink.json", "two-source-union.json",
                "twenty-operators.json", "benchmark-keyed-count.json", "benchmark-backpressure.json",
                "windowed-aggregation.json")) {
            JobConfig config = JobConfig.of(withCollectSinks(PipelineJson.read(SAMPLES.resolve(sample))))
                    .withRecords(2_000L);
            if (DeliveryCheck.notComputableBecause(config).isEmpty()) {
                computable.add(sample);
            }
        }
        assertThat(computable).contains("word-count.json", "two-source-union.json", "keyed-count-slow-sink.json",
                "benchmark-keyed-count.json");
    }

    /** Discard sinks become collect sinks, and sources run at full speed (the samples are rate limited for watching). */
    static PipelineSpec withCollectSinks(PipelineSpec p) {
        List<OperatorSpec> ops = p.operators().stream()
                .map(op -> op.kind().endsWith("-source") ? op.withParams(fullSpeed(op.params())) : op)
                .map(op -> op.kind().equals("discard-sink")
                        ? new OperatorSpec(op.id(), op.name(), "collect-sink", op.parallelism(), op.maxParallelism(),
                                Map.of())
                        : op)
                .toList();
        return p.withOperators(ops);
    }

    private static Map<String, Object> fullSpeed(Map<String, Object> params) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(params == null ? Map.of() : params);
        copy.put("ratePerSecond", 0L);
        return copy;
    }
}
