package org.checkpointlab.model.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failures at a record count, at a time, and at random (chaos): each recovers, and exactly-once holds. */
class FailureInjectionTest {

    private static JobConfig config(long records, long rate) {
        PipelineSpec p = TestPipelines.keyedCount(records, 40, 2, "transactional-sink", false);
        List<org.checkpointlab.model.pipeline.OperatorSpec> ops = new ArrayList<>(p.operators());
        ops.set(0, TestPipelines.source("source", 2, records, 40L, rate));
        return JobConfig.of(p.withOperators(ops))
                .withCheckpointOptions(CheckpointOptions.defaults().withInterval(Duration.ofMillis(30)))
                .withRestartStrategy(new RestartStrategy.FixedDelay(10, Duration.ZERO));
    }

    private static List<String> expected(long records) {
        List<String> out = new ArrayList<>();
        for (long k = 0; k < 40; k++) {
            long n = records / 40 + (k < records % 40 ? 1 : 0);
            for (long c = 1; c <= n; c++) {
                out.add(k + "," + c);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void failureAtARecordCount_firesOnce_andTheJobRecoversExactlyOnce() throws Exception {
        try (Job job = Job.start(config(50_000, 100_000))) {
            assertThat(job.failAtRecords("count", 1, 5_000)).isTrue();
            assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.failures()).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("count #1 at record 5000"));
            assertThat(job.summary().restarts()).isEqualTo(1);
            assertThat(CommittedRecords.sorted(job)).isEqualTo(expected(50_000));
        }
    }

    @Test
    void plannedRecordFailure_firesEvenInAJobTooShortToArmItAfterStart() throws Exception {
        // No rate limit: 20,000 records take a few milliseconds; the failure is armed before the tasks start.
        JobConfig config = config(20_000, 0).withPlannedFailures(List.of(PlannedFailure.atRecords("count", 0, 3_000)));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.summary().restarts()).isEqualTo(1);
            assertThat(CommittedRecords.sorted(job)).isEqualTo(expected(20_000));
        }
    }

    @ParameterizedTest(name = "{0} failover")
    @EnumSource(FailoverStrategy.class)
    void plannedRecordFailures_oneForEachAttempt_fireInOrder_armedBeforeTheirAttemptStarts(FailoverStrategy failover)
            throws Exception {
        // No rate limit: an attempt takes milliseconds, too short to arm a failure after it started.
        JobConfig config = config(30_000, 0).withFailover(failover).withPlannedFailures(List.of(
                PlannedFailure.atRecords("count", 0, 2_000),
                PlannedFailure.atRecords("source", 1, 1_000).inAttempt(1),
                PlannedFailure.atRecords("sink", 1, 500).inAttempt(2)));
        try (Job job = Job.start(config)) {
            assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.failures()).extracting(f -> f.operatorId() + " #" + f.subtaskIndex() + ": " + f.message())
                    .containsExactly("count #0: failure injected into count #0 at record 2000",
                            "source #1: failure injected into source #1 at record 1000 of attempt 1",
                            "sink #1: failure injected into sink #1 at record 500 of attempt 2");
            assertThat(job.summary().restarts()).isEqualTo(3);
            assertThat(CommittedRecords.sorted(job)).isEqualTo(expected(30_000));
        }
    }

    @Test
    void aTimedFailure_cannotBePlannedForAnAttempt() {
        assertThatThrownBy(() -> PlannedFailure.after("source", 0, Duration.ofMillis(5)).inAttempt(1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("record-count");
    }

    @Test
    void failureAtATime_happensAfterThatLongAndIsRecovered() throws Exception {
        try (Job job = Job.start(config(40_000, 50_000))) {
            job.scheduleFailure("source", 0, Duration.ofMillis(150));
            assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(job.restartEvents()).hasSize(1);
            assertThat(CommittedRecords.sorted(job)).isEqualTo(expected(40_000));
        }
    }

    @Test
    void chaos_injectsFailuresIntoRandomSubtasks_andExactlyOnceHolds() throws Exception {
        try (Job job = Job.start(config(120_000, 40_000))) {
            int injected = job.chaos(2, 11).get(30, TimeUnit.SECONDS);
            assertThat(job.awaitTermination(Duration.ofSeconds(30))).isTrue();
            assertThat(job.status()).isEqualTo(JobStatus.FINISHED);
            assertThat(injected).isPositive();
            assertThat(job.summary().restarts()).isEqualTo(injected);
            assertThat(CommittedRecords.sorted(job)).isEqualTo(expected(120_000));
        }
    }
}
