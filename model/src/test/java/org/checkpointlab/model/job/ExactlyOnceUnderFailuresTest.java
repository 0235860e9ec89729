package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.Partitioning;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exactly-once, proven: three failures are injected into random subtasks at random record counts, and the
 * transactional sink's committed output must equal a failure-free run's, record for record. Seeded: the seed chooses
 * each failure's subtask and the record of its attempt at which it fails, so a seed reproduces the same failures
 * (checkpoints are still taken every 25 ms, so which checkpoint a recovery restores may differ between runs).
 */
class ExactlyOnceUnderFailuresTest {

    private static PipelineSpec pipeline(long records, int parallelism, boolean slowSink) {
        List<org.checkpointlab.model.pipeline.OperatorSpec> ops = new ArrayList<>(List.of(
                TestPipelines.source("source", parallelism, records, 50L, 200_000L),
                TestPipelines.op("count", "keyed-count", parallelism, Map.of()),
                TestPipelines.op("sink", "transactional-sink", parallelism, Map.of())));
        List<org.checkpointlab.model.pipeline.EdgeSpec> edges = new ArrayList<>(List.of(
                TestPipelines.edge("source", "count", Partitioning.HASH)));
        if (slowSink) {
            ops.add(TestPipelines.op("slow", "slow", parallelism, Map.of("costMicros", 2L)));
            edges.add(TestPipelines.edge("count", "slow", Partitioning.REBALANCE));
            edges.add(TestPipelines.edge("slow", "sink", Partitioning.FORWARD));
        } else {
            edges.add(TestPipelines.edge("count", "sink", Partitioning.FORWARD));
        }
        return new PipelineSpec(1, "exactly-once", ops, edges, Map.of(), false);
    }

    /** The records of {@code a} that {@code b} does not have as often (multiset difference). */
    static List<String> difference(List<String> a, List<String> b) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (String s : a) {
            counts.merge(s, 1, Integer::sum);
        }
        for (String s : b) {
            counts.merge(s, -1, Integer::sum);
        }
        List<String> diff = new ArrayList<>();
        counts.forEach((k, v) -> {
            for (int i = 0; i < v; i++) {
                diff.add(k);
            }
        });
        diff.sort(Comparator.naturalOrder());
        return diff.size() > 20 ? new ArrayList<>(diff.subList(0, 20)) : diff;
    }

    /**
     * Three failures chosen by {@code seed}, one in each of the first three attempts: a subtask of one of
     * {@code operators} fails at its 3,000th to 10,000th record of that attempt. Every subtask takes in at least a
     * third of the 120,000 records, and no attempt gets far before it fails, so each attempt still has more records
     * to take than its failure waits for.
     */
    static List<PlannedFailure> chooseFailures(long seed, String[] operators) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PlannedFailure> failures = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            failures.add(PlannedFailure.atRecords(operators[random.nextInt(operators.length)], random.nextInt(2),
                    3_000 + random.nextInt(7_001)).inAttempt(attempt));
        }
        return failures;
    }

    @ParameterizedTest(name = "seed {0}, unaligned {1}, slow {2}, {3}")
    @CsvSource({"1, false, false, HASHMAP", "2, true, false, HASHMAP", "3, false, true, HASHMAP",
            "4, true, true, HASHMAP", "5, true, true, HASHMAP",
            "6, false, false, ROCKSDB", "7, true, true, ROCKSDB"})
    void committedOutputEqualsAFailureFreeRun(long seed, boolean unaligned, boolean slow, StateBackendKind backend)
            throws Exception {
        long records = 120_000;
        CheckpointOptions options = CheckpointOptions.defaults().withInterval(Duration.ofMillis(25))
                .withUnaligned(unaligned);
        JobConfig config = JobConfig.of(pipeline(records, 2, slow)).withCheckpointOptions(options)
                .withRestartStrategy(new RestartStrategy.FixedDelay(100, Duration.ZERO))
                .withBackend(backend).withIncremental(backend == StateBackendKind.ROCKSDB);

        List<String> expected;
        try (Job clean = Job.start(config)) {
            assertThat(clean.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(clean.status()).isEqualTo(JobStatus.FINISHED);
            expected = CommittedRecords.sorted(clean);
        }
        assertThat(expected).hasSize((int) records);

        String[] operators = slow ? new String[] {"source", "count", "slow", "sink"}
                : new String[] {"source", "count", "sink"};
        List<PlannedFailure> failures = chooseFailures(seed, operators);
        try (Job job = Job.start(config.withPlannedFailures(failures))) {
            assertThat(job.awaitTermination(Duration.ofSeconds(60))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.failures()).as("the failures the seed chose, in order")
                    .extracting(f -> f.operatorId() + " #" + f.subtaskIndex() + ": " + f.message())
                    .containsExactlyElementsOf(failures.stream().map(f -> f.operatorId() + " #" + f.subtask()
                            + ": failure injected into " + f.operatorId() + " #" + f.subtask() + " at record "
                            + f.atRecords() + (f.attempt() == 0 ? "" : " of attempt " + f.attempt())).toList());
            assertThat(job.summary().restarts()).isEqualTo(failures.size());
            List<String> actual = CommittedRecords.sorted(job);
            assertThat(difference(actual, expected)).as("duplicates (committed more often than without failures)")
                    .isEmpty();
            assertThat(difference(expected, actual)).as("missing (committed less often than without failures)")
                    .isEmpty();
            assertThat(actual).isEqualTo(expected);
        }
    }
}
