package org.checkpointlab.views.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.junit.jupiter.api.Test;

class OperatorLoadSamplerTest {

    static SubtaskSnapshot subtask(String op, int index, long in, long out, double busy, double back, double idle) {
        return new SubtaskSnapshot(op + " task", List.of(op), index, 2, null, null, in, out, busy, back, idle, 0, 0,
                0, false, 0, -1);
    }

    static JobSnapshot snapshot(long nanos, int attempt, SubtaskSnapshot... subtasks) {
        return new JobSnapshot(nanos, JobStatus.RUNNING, attempt, List.of(subtasks), List.of(), List.of(), List.of(),
                List.of(), -1, false, 1.0);
    }

    @Test
    void loadIsTheMaximumOverSubtasks_andThroughputTheGrowthPerSecond() {
        OperatorLoadSampler sampler = new OperatorLoadSampler();
        List<OperatorLoad> first = sampler.sample(snapshot(1_000_000_000L, 0,
                subtask("src", 0, 0, 100, 100, 800, 100), subtask("src", 1, 0, 100, 300, 200, 500),
                subtask("sink", 0, 50, 0, 900, 0, 100)));
        assertThat(first).extracting(OperatorLoad::operatorId).containsExactly("src", "sink");
        assertThat(first.get(0).backPressured()).isEqualTo(800);
        assertThat(first.get(0).busy()).isEqualTo(300);
        assertThat(first.get(0).idle()).isEqualTo(500);
        assertThat(first.get(0).recordsPerSecond()).as("no rate before a second sample").isNaN();

        List<OperatorLoad> second = sampler.sample(snapshot(1_500_000_000L, 0,
                subtask("src", 0, 0, 300, 0, 0, 0), subtask("src", 1, 0, 400, 0, 0, 0),
                subtask("sink", 0, 150, 0, 0, 0, 0)));
        assertThat(second.get(0).recordsPerSecond()).as("sources: records out").isCloseTo(1000, offset(1e-6));
        assertThat(second.get(1).recordsPerSecond()).as("others: records in").isCloseTo(200, offset(1e-6));
    }

    @Test
    void afterARestart_countersStartOver_andTheRateIsUnknownInsteadOfNegative() {
        OperatorLoadSampler sampler = new OperatorLoadSampler();
        sampler.sample(snapshot(1_000_000_000L, 0, subtask("src", 0, 0, 1000, 0, 0, 0)));
        List<OperatorLoad> restarted = sampler.sample(snapshot(2_000_000_000L, 1, subtask("src", 0, 0, 10, 0, 0, 0)));
        assertThat(restarted.get(0).recordsPerSecond()).isNaN();
        List<OperatorLoad> next = sampler.sample(snapshot(3_000_000_000L, 1, subtask("src", 0, 0, 110, 0, 0, 0)));
        assertThat(next.get(0).recordsPerSecond()).isCloseTo(100, offset(1e-6));
    }

    @Test
    void aBackPressuredSourceEmittingInBursts_keepsItsRateOverTheLastSecond_betweenBursts() {
        // 12 frames a second; the source emits 1,000 records every sixth frame (when credit arrives), 2,000/s.
        OperatorLoadSampler sampler = new OperatorLoadSampler();
        long frame = 1_000_000_000L / 12;
        long emitted = 0;
        double rate;
        for (int i = 0; i <= 36; i++) {
            if (i > 0 && i % 6 == 0) {
                emitted += 1_000;
            }
            rate = sampler.sample(snapshot(i * frame, 0, subtask("src", 0, 0, emitted, 0, 1000, 0))).get(0)
                    .recordsPerSecond();
            if (i >= 13) {
                // over one to two bursts' spacing past a second: 2 or 3 bursts in 1.0-1.08 s, never 0
                assertThat(rate).as("frame %d, between bursts too", i).isBetween(1_800.0, 2_800.0);
            }
        }
    }

    @Test
    void countersReportedInSteps_asFlinksRestApiRefreshesThem_giveTheSteadyRate_andZeroOnceTheyStop() {
        // Sampled 10 times a second; the counter moves every 3 s by 3 s' worth of 200 records/s.
        OperatorLoadSampler sampler = new OperatorLoadSampler();
        long tenth = 100_000_000L;
        for (int i = 0; i <= 120; i++) {
            long reported = i / 30 * 600L;
            double rate = sampler.sample(snapshot(i * tenth, 0, subtask("src", 0, 0, reported, 0, 0, 0))).get(0)
                    .recordsPerSecond();
            if (i >= 30) {
                assertThat(rate).as("sample %d, between two refreshes too", i).isCloseTo(200, offset(1e-6));
            }
        }
        // The job stopped emitting: the counter stays at 2,400 from 12 s on.
        assertThat(sampler.sample(snapshot(161 * tenth, 0, subtask("src", 0, 0, 2_400, 0, 0, 0))).get(0)
                .recordsPerSecond()).as("4.1 s unchanged: within one and a half refreshes").isCloseTo(200, offset(1e-6));
        assertThat(sampler.sample(snapshot(166 * tenth, 0, subtask("src", 0, 0, 2_400, 0, 0, 0))).get(0)
                .recordsPerSecond()).as("4.6 s unchanged").isZero();
    }

    @Test
    void aPausedLocalJob_readsZeroOnceASecondPassedWithoutARecord() {
        OperatorLoadSampler sampler = new OperatorLoadSampler();
        long frame = 1_000_000_000L / 60;
        for (int i = 0; i <= 120; i++) { // 6,000 records/s, a change every frame
            sampler.sample(snapshot(i * frame, 0, subtask("src", 0, 0, i * 100L, 0, 0, 0)));
        }
        assertThat(sampler.sample(snapshot(150 * frame, 0, subtask("src", 0, 0, 12_000, 0, 0, 0))).get(0)
                .recordsPerSecond()).as("paused for half a second").isCloseTo(6_000, offset(0.01));
        assertThat(sampler.sample(snapshot(190 * frame, 0, subtask("src", 0, 0, 12_000, 0, 0, 0))).get(0)
                .recordsPerSecond()).as("paused for over a second").isZero();
    }

    @Test
    void aRegionRestartedInTheSameAttempt_countsFromItsNewCounters() {
        OperatorLoadSampler sampler = new OperatorLoadSampler();
        sampler.sample(snapshot(1_000_000_000L, 0, subtask("src", 0, 0, 1000, 0, 0, 0)));
        assertThat(sampler.sample(snapshot(1_500_000_000L, 0, subtask("src", 0, 0, 10, 0, 0, 0))).get(0)
                .recordsPerSecond()).isNaN();
        assertThat(sampler.sample(snapshot(2_500_000_000L, 0, subtask("src", 0, 0, 110, 0, 0, 0))).get(0)
                .recordsPerSecond()).isCloseTo(100, offset(1e-6));
    }

    @Test
    void backpressureLevels_followFlinksBands() {
        assertThat(OperatorLoad.level(50)).isEqualTo("OK");
        assertThat(OperatorLoad.level(100)).isEqualTo("LOW");
        assertThat(OperatorLoad.level(499)).isEqualTo("LOW");
        assertThat(OperatorLoad.level(500)).isEqualTo("HIGH");
    }
}
