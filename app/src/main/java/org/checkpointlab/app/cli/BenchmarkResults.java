package org.checkpointlab.app.cli;

import java.util.OptionalDouble;

/**
 * Everything one {@code bench} run measured, with the ratios between its runs (all from the same JVM run, so they
 * compare like with like).
 *
 * @param plan                what was run
 * @param withoutCheckpoints  keyed count, checkpoints off
 * @param withCheckpoints     keyed count, aligned exactly-once checkpoints
 * @param aligned             backpressure, aligned checkpoints
 * @param unaligned           backpressure, unaligned checkpoints
 * @param observed            keyed count with checkpoints while an observer takes snapshots
 * @param observerSnapshots   snapshots the observer took over all rounds
 * @param observerMeanMicros  mean time of one {@code Job.snapshot()} call
 */
record BenchmarkResults(BenchmarkPlan plan, RunMeasurement withoutCheckpoints, RunMeasurement withCheckpoints,
                        RunMeasurement aligned, RunMeasurement unaligned, RunMeasurement observed,
                        long observerSnapshots, double observerMeanMicros) {

    /** 1 - throughput with checkpoints / throughput without: the share of throughput checkpoints cost. */
    double checkpointOverhead() {
        return 1 - withCheckpoints.throughputPerSecond() / withoutCheckpoints.throughputPerSecond();
    }

    /** Median end-to-end aligned / unaligned under backpressure; empty if either had no completed checkpoint. */
    OptionalDouble alignedToUnaligned() {
        OptionalDouble a = aligned.medianEndToEndMillis();
        OptionalDouble u = unaligned.medianEndToEndMillis();
        if (a.isEmpty() || u.isEmpty()) {
            return OptionalDouble.empty();
        }
        // A checkpoint faster than the clock's millisecond still took time: count it as 1 ms.
        return OptionalDouble.of(a.getAsDouble() / Math.max(1.0, u.getAsDouble()));
    }

    /** Throughput with the observer / without it (both with checkpoints). */
    double observerRatio() {
        return observed.throughputPerSecond() / withCheckpoints.throughputPerSecond();
    }
}
