package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.streamrecord.StreamRecord;
import org.junit.jupiter.api.Test;

class DeliveryCheckTest {

    private static JobConfig keyedCount(long records, String sinkKind) {
        PipelineSpec p = TestPipelines.keyedCount(records, 40, 2, sinkKind, true);
        List<OperatorSpec> ops = new ArrayList<>(p.operators());
        ops.set(0, TestPipelines.source("source", 2, records, 40L, 100_000L));
        return JobConfig.of(p.withOperators(ops))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(30)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(10, Duration.ZERO));
    }

    private static Job runToEnd(JobConfig config, String failOperator, long atRecords) throws Exception {
        Job job = Job.start(config);
        assertThat(job.failAtRecords(failOperator, 1, atRecords)).isTrue();
        assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
        assertThat(job.restartEvents()).hasSize(1);
        return job;
    }

    @Test
    void keyedCountIntoTransactionalSinkWithAFailure_holdsExactlyOnce() throws Exception {
        JobConfig config = keyedCount(20_000, "transactional-sink");
        try (Job job = runToEnd(config, "count", 4_000)) {
            List<DeliveryCheck.SinkDelivery> result = DeliveryCheck.check(config, job.sinkOutputs());

            assertThat(result).singleElement().satisfies(d -> {
                assertThat(d.sinkId()).isEqualTo("sink");
                assertThat(d.committed()).isEqualTo(20_000);
                assertThat(d.expected()).isEqualTo(20_000);
                assertThat(d.duplicates()).isZero();
                assertThat(d.missing()).isZero();
                assertThat(d.verdict()).isEqualTo("exactly-once held");
                assertThat(d.exactlyOnce()).isTrue();
            });
        }
    }

    @Test
    void collectSinkWithAFailure_reportsTheReplayedRecordsAsDuplicatesAndNothingLost() throws Exception {
        JobConfig config = keyedCount(20_000, "collect-sink");
        try (Job job = runToEnd(config, "count", 4_000)) {
            DeliveryCheck.SinkDelivery d = DeliveryCheck.check(config, job.sinkOutputs()).get(0);

            assertThat(d.expected()).isEqualTo(20_000);
            assertThat(d.missing()).isZero();
            assertThat(d.duplicates()).isPositive().isEqualTo(d.committed() - 20_000);
            assertThat(d.verdict()).isEqualTo("at-least-once: " + d.duplicates() + " duplicates, nothing lost");
        }
    }

    @Test
    void processingTimeWindow_isNotComputableNamingTheOperator() {
        PipelineSpec p = new PipelineSpec(1, "windows", List.of(
                TestPipelines.op("source", "sequence-source", 1, Map.of("count", 100L)),
                TestPipelines.op("window", "tumbling-window-count", 1, Map.of("size", 100L, "unit", "ms")),
                TestPipelines.op("sink", "transactional-sink", 1, Map.of())),
                List.of(TestPipelines.edge("source", "window", Partitioning.HASH),
                        TestPipelines.edge("window", "sink", Partitioning.FORWARD)), Map.of(), true);

        assertThat(DeliveryCheck.notComputableBecause(JobConfig.of(p)))
                .hasValueSatisfying(why -> assertThat(why).contains("'window'").contains("processing-time"));
    }

    @Test
    void countWindowAndSlowOperatorWithJitter_areComputable() {
        PipelineSpec p = new PipelineSpec(1, "windows", List.of(
                TestPipelines.op("source", "sequence-source", 2, Map.of("count", 100L)),
                TestPipelines.op("slow", "slow", 2, Map.of("jitterMicros", 5L)),
                TestPipelines.op("window", "tumbling-window-count", 2, Map.of("size", 10L, "unit", "count")),
                TestPipelines.op("sink", "transactional-sink", 2, Map.of())),
                List.of(TestPipelines.edge("source", "slow", Partitioning.FORWARD),
                        TestPipelines.edge("slow", "window", Partitioning.HASH),
                        TestPipelines.edge("window", "sink", Partitioning.FORWARD)), Map.of(), true);

        assertThat(DeliveryCheck.notComputableBecause(JobConfig.of(p))).isEmpty();
    }

    @Test
    void unboundedSourceAfterRecordsOverride_isNotComputable() {
        JobConfig config = keyedCount(1_000, "transactional-sink").withRecords(0L);

        assertThat(DeliveryCheck.notComputableBecause(config)).hasValue("source 'source' is unbounded");
    }

    @Test
    void runRestoredFromASavepoint_isNotComputable() {
        JobConfig config = keyedCount(1_000, "transactional-sink")
                .withRestore(new SavepointRestore(Path.of("sp"), false));

        assertThat(DeliveryCheck.notComputableBecause(config))
                .hasValueSatisfying(why -> assertThat(why).contains("started from savepoint"));
    }

    @Test
    void keyedSumFedBySeveralSubtasks_isNotComputable_butFedByOneLineItIs() {
        PipelineSpec p = new PipelineSpec(1, "sums", List.of(
                TestPipelines.op("source", "sequence-source", 2, Map.of("count", 100L)),
                TestPipelines.op("sum", "keyed-sum", 2, Map.of()),
                TestPipelines.op("sink", "collect-sink", 2, Map.of())),
                List.of(TestPipelines.edge("source", "sum", Partitioning.HASH),
                        TestPipelines.edge("sum", "sink", Partitioning.FORWARD)), Map.of(), true);

        assertThat(DeliveryCheck.notComputableBecause(JobConfig.of(p)))
                .hasValueSatisfying(why -> assertThat(why).contains("'sum'").contains("order"));
        assertThat(DeliveryCheck.notComputableBecause(JobConfig.of(p).withParallelism(Map.of("source", 1))))
                .isEmpty();
    }

    @Test
    void referenceConfig_runsUnthrottledWithoutCheckpointsFailuresOrFiles() {
        JobConfig base = keyedCount(1_000, "transactional-sink");
        List<OperatorSpec> ops = new ArrayList<>(base.pipeline().operators());
        ops.set(2, ops.get(2).withParams(Map.of("path", "somewhere")));
        JobConfig ran = JobConfig.of(base.pipeline().withOperators(ops))
                .withCheckpointOptions(base.checkpointOptions())
                .withBackend(StateBackendKind.ROCKSDB)
                .withOutputDir(Path.of("out"))
                .withParallelism(Map.of("count", 2))
                .withRecords(500L);

        JobConfig ref = DeliveryCheck.referenceConfig(ran);

        assertThat(ref.pipeline().operator("source").orElseThrow().params()).containsEntry("ratePerSecond", 0L);
        assertThat(ref.pipeline().operator("sink").orElseThrow().params()).doesNotContainKey("path");
        assertThat(ref.checkpointOptions().periodic()).isFalse();
        assertThat(ref.backend()).isEqualTo(StateBackendKind.HASHMAP);
        assertThat(ref.outputDir()).isNull();
        assertThat(ref.records()).isEqualTo(500L);
        assertThat(ref.parallelism()).isEqualTo(Map.of("count", 2));
        assertThat(ref.effectiveRestartStrategy()).isEqualTo(new RestartStrategy.None());
    }

    @Test
    void referenceConfig_runsSlowOperatorsAtNoCost() {
        JobConfig base = keyedCount(1_000, "transactional-sink");
        List<OperatorSpec> ops = new ArrayList<>(base.pipeline().operators());
        ops.add(new OperatorSpec("slow", "Slow step", "slow", 2, null, Map.of("costMicros", 3000L,
                "jitterMicros", 500L)));

        JobConfig ref = DeliveryCheck.referenceConfig(JobConfig.of(base.pipeline().withOperators(ops)));

        assertThat(ref.pipeline().operator("slow").orElseThrow().params())
                .as("a slow step only paces the job: the reference reads the input at full speed")
                .containsEntry("costMicros", 0L).containsEntry("jitterMicros", 0L);
    }

    @Test
    void compare_countsMissingAndExtraRecordsAsMultisets() {
        SinkStore store = new SinkStore(null);
        SinkOutput expected = store.output("expected", null);
        SinkOutput actual = store.output("actual", null);
        for (String kv : List.of("a,1", "a,2", "b,1")) {
            expected.append(record(kv));
        }
        for (String kv : List.of("a,1", "a,1", "b,1", "c,9")) {
            actual.append(record(kv));
        }

        DeliveryCheck.SinkDelivery d = DeliveryCheck.compare("s", "collect-sink", expected, actual);

        assertThat(d.committed()).isEqualTo(4);
        assertThat(d.expected()).isEqualTo(3);
        assertThat(d.duplicates()).isEqualTo(2);
        assertThat(d.missing()).isEqualTo(1);
        assertThat(d.verdict()).isEqualTo("1 record lost, 2 duplicates");
    }

    private static StreamRecord record(String keyValue) {
        String[] kv = keyValue.split(",");
        return new StreamRecord(kv[0], Long.parseLong(kv[1]), 0);
    }
}
