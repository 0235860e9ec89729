package org.checkpointlab.app.cli;

import java.time.Duration;
import java.util.function.Consumer;
import org.checkpointlab.flink.EmbeddedFlinkCluster;
import org.checkpointlab.flink.FlinkRefusal;
import org.checkpointlab.flink.FlinkRun;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The Flink column of {@code bench --engine flink}: benchmark jobs 1 and 2 of {@link EngineBenchmark} (the same
 * pipelines, sizes and checkpoint options) on an embedded Flink cluster started for it (not timed): a warm-up run,
 * the keyed-count runs without and with checkpoints {@link BenchmarkPlan#rounds()} times in turn (the fastest of
 * each counts), then the backpressure runs aligned and unaligned. Job 3 (a snapshot observer) is the local engine's
 * own: Flink's web UI observes through its REST API instead.
 */
final class FlinkBenchmark {
    private static final Duration BOUNDED_RUN_LIMIT = Duration.ofHours(2);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);
    private static final Duration RUNNING_WAIT = Duration.ofSeconds(120);

    /** What Flink measured, per benchmark job of {@link BenchmarkResults}. */
    record Results(RunMeasurement withoutCheckpoints, RunMeasurement withCheckpoints, RunMeasurement aligned,
                   RunMeasurement unaligned) {
    }

    private final BenchmarkPlan plan;
    private final EmbeddedFlinkCluster cluster;
    private final Consumer<String> log;

    FlinkBenchmark(BenchmarkPlan plan, EmbeddedFlinkCluster cluster, Consumer<String> log) {
        this.plan = plan;
        this.cluster = cluster;
        this.log = log;
    }

    Results run() throws EngineBenchmark.BenchmarkFailure, InterruptedException {
        PipelineSpec keyedCount = plan.keyedCountJob();
        CheckpointOptions off = CheckpointOptions.defaults();
        CheckpointOptions aligned = plan.alignedCheckpoints();
        log.accept("Flink warm-up: keyed count, " + Formats.count(plan.warmUpRecords()) + " records");
        runBounded(plan.warmUpJob(), aligned);
        RunMeasurement without = null;
        RunMeasurement with = null;
        String records = Formats.count(plan.records()) + " records";
        for (int round = 1; round <= plan.rounds(); round++) {
            String of = " (round " + round + "/" + plan.rounds() + ")";
            log.accept("Flink 1 keyed count, " + records + ", no checkpoints" + of);
            without = RunMeasurement.faster(without, logged(runBounded(keyedCount, off)));
            log.accept("Flink 1 keyed count, " + records + ", checkpoints every "
                    + Formats.seconds(plan.checkpointInterval().toMillis()) + of);
            with = RunMeasurement.faster(with, logged(runBounded(keyedCount, aligned)));
        }
        PipelineSpec backpressure = plan.backpressureJob();
        String slow = "Flink 2 backpressure (" + plan.slowMicros() + " µs/record), ";
        String length = Formats.seconds(plan.backpressureRun().toMillis());
        log.accept(slow + "aligned, " + length);
        RunMeasurement bpAligned = logged(runFor(backpressure, plan.backpressureCheckpoints(false)));
        log.accept(slow + "unaligned, " + length);
        RunMeasurement bpUnaligned = logged(runFor(backpressure, plan.backpressureCheckpoints(true)));
        return new Results(without, with, bpAligned, bpUnaligned);
    }

    private RunMeasurement logged(RunMeasurement m) {
        log.accept("  -> " + Formats.rate(m.throughputPerSecond()) + " records/s, " + m.completedCheckpoints()
                + " checkpoints");
        return m;
    }

    private RunMeasurement runBounded(PipelineSpec pipeline, CheckpointOptions options)
            throws EngineBenchmark.BenchmarkFailure, InterruptedException {
        try (FlinkRun run = submit(pipeline, options)) {
            if (!run.awaitTermination(BOUNDED_RUN_LIMIT)) {
                throw new EngineBenchmark.BenchmarkFailure(pipeline.name() + " on Flink did not end within "
                        + Formats.seconds(BOUNDED_RUN_LIMIT.toMillis()));
            }
            return measured(run, pipeline, JobStatus.FINISHED);
        }
    }

    /** An unbounded run for the plan's backpressure run length, counted from when every task runs. */
    private RunMeasurement runFor(PipelineSpec pipeline, CheckpointOptions options)
            throws EngineBenchmark.BenchmarkFailure, InterruptedException {
        try (FlinkRun run = submit(pipeline, options)) {
            run.awaitRunning(RUNNING_WAIT);
            if (run.awaitTermination(plan.backpressureRun())) {
                throw new EngineBenchmark.BenchmarkFailure(pipeline.name() + " on Flink ended early: " + run.status());
            }
            run.cancel();
            if (!run.awaitTermination(CANCEL_WAIT)) {
                throw new EngineBenchmark.BenchmarkFailure(pipeline.name() + " on Flink did not stop within "
                        + Formats.seconds(CANCEL_WAIT.toMillis()) + " of cancelling");
            }
            return measured(run, pipeline, JobStatus.CANCELED);
        }
    }

    private FlinkRun submit(PipelineSpec pipeline, CheckpointOptions options)
            throws EngineBenchmark.BenchmarkFailure {
        try {
            return FlinkRun.submit(cluster, JobConfig.of(pipeline).withCheckpointOptions(options));
        } catch (FlinkRefusal e) {
            throw new EngineBenchmark.BenchmarkFailure(pipeline.name() + " cannot run on Flink: "
                    + String.join("; ", e.problems()));
        }
    }

    private static RunMeasurement measured(FlinkRun run, PipelineSpec pipeline, JobStatus expected)
            throws EngineBenchmark.BenchmarkFailure, InterruptedException {
        JobSummary summary = run.summary();
        if (summary.status() != expected) {
            throw new EngineBenchmark.BenchmarkFailure(pipeline.name() + " on Flink ended " + summary.status()
                    + (summary.failureCause() == null ? "" : ": " + summary.failureCause()));
        }
        return RunMeasurement.of(summary);
    }
}
