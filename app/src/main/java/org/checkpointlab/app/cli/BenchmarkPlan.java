package org.checkpointlab.app.cli;

import java.time.Duration;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * What {@code bench} measures and how big: the keyed-count runs process {@code records} records over {@code keys}
 * keys; the backpressure runs (a {@code slow} operator of {@code slowMicros} per record) last
 * {@code backpressureRun} each; the observer calls {@code Job.snapshot()} {@code observerHz} times a second.
 *
 * @param records              records of each keyed-count run
 * @param keys                 distinct keys
 * @param parallelism          parallelism of every operator
 * @param checkpointInterval   interval of the keyed-count runs with checkpoints
 * @param backpressureInterval interval of the backpressure runs
 * @param backpressureRun      length of each backpressure run (its source is unbounded)
 * @param slowMicros           CPU time the slow operator spends per record
 * @param observerHz           snapshots per second of the observer
 * @param warmUpRecords        records of the warm-up run that lets the JIT compile the hot paths first
 * @param rounds               how often each keyed-count run is repeated (interleaved); the fastest counts
 */
record BenchmarkPlan(long records, long keys, int parallelism, Duration checkpointInterval,
                     Duration backpressureInterval, Duration backpressureRun, long slowMicros, int observerHz,
                     long warmUpRecords, int rounds) {

    BenchmarkPlan {
        if (records < 1) {
            throw new IllegalArgumentException("--records must be at least 1, was " + records);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, was " + rounds);
        }
        if (backpressureRun.isNegative() || backpressureRun.isZero()) {
            throw new IllegalArgumentException("the backpressure run length must be positive");
        }
    }

    /** The benchmark of the issue: 100 million records, 20 s backpressure runs, 3 rounds. */
    static BenchmarkPlan full() {
        return new BenchmarkPlan(100_000_000L, 10_000, 2, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(20), 20, 60, 10_000_000L, 3);
    }

    /**
     * A smoke check in well under a minute: 20 million records (a run of about a second or two, long enough to
     * see a checkpoint or two), 8 s backpressure runs, 3 rounds.
     */
    static BenchmarkPlan quick() {
        return new BenchmarkPlan(20_000_000L, 10_000, 2, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(8), 20, 60, 5_000_000L, 3);
    }

    /** Runs 1 and 3: the keyed count of {@code records} records. */
    PipelineSpec keyedCountJob() {
        return BenchmarkPipelines.keyedCount(records, keys, parallelism);
    }

    /** The keyed count of {@code warmUpRecords} records, run first (with checkpoints) so that the JIT compiles. */
    PipelineSpec warmUpJob() {
        return BenchmarkPipelines.keyedCount(warmUpRecords, keys, parallelism);
    }

    /** Aligned exactly-once checkpoints every {@code checkpointInterval}: the keyed-count runs with checkpoints. */
    CheckpointOptions alignedCheckpoints() {
        return CheckpointOptions.defaults().withInterval(checkpointInterval).withMode(CheckpointingMode.EXACTLY_ONCE)
                .withUnaligned(false);
    }

    /** Run 2: the unbounded job with a slow operator of {@code slowMicros} per record, back-pressuring its source. */
    PipelineSpec backpressureJob() {
        return BenchmarkPipelines.backpressure(keys, parallelism, slowMicros);
    }

    /** The backpressure runs' checkpoints every {@code backpressureInterval}: aligned, or unaligned from the start. */
    CheckpointOptions backpressureCheckpoints(boolean unaligned) {
        CheckpointOptions aligned = alignedCheckpoints().withInterval(backpressureInterval);
        return unaligned ? aligned.withUnaligned(true).withAlignedTimeout(Duration.ZERO) : aligned;
    }

    BenchmarkPlan withRecords(long newRecords) {
        return new BenchmarkPlan(newRecords, keys, parallelism, checkpointInterval, backpressureInterval,
                backpressureRun, slowMicros, observerHz, Math.min(warmUpRecords, newRecords), rounds);
    }

    BenchmarkPlan withBackpressureRun(Duration run) {
        return new BenchmarkPlan(records, keys, parallelism, checkpointInterval, backpressureInterval, run,
                slowMicros, observerHz, warmUpRecords, rounds);
    }

    BenchmarkPlan withRounds(int newRounds) {
        return new BenchmarkPlan(records, keys, parallelism, checkpointInterval, backpressureInterval,
                backpressureRun, slowMicros, observerHz, warmUpRecords, newRounds);
    }

    BenchmarkPlan withIntervals(Duration checkpoint, Duration backpressure) {
        return new BenchmarkPlan(records, keys, parallelism, checkpoint, backpressure, backpressureRun, slowMicros,
                observerHz, warmUpRecords, rounds);
    }
}
