package org.checkpointlab.app.cli;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The engine benchmark of {@code bench}, one job at a time:
 * <ol>
 *   <li>Keyed count over {@link BenchmarkPlan#records()} records without checkpoints, then with aligned
 *       exactly-once checkpoints: the checkpoint overhead and median end-to-end duration.</li>
 *   <li>The same behind a slow operator (backpressure) for a fixed time, aligned then unaligned: median end-to-end
 *       of each and their ratio.</li>
 *   <li>Run 1 with checkpoints again while another thread calls {@link Job#snapshot()} at
 *       {@link BenchmarkPlan#observerHz()}: the cost of being watched.</li>
 * </ol>
 * A warm-up run comes first so that the first measured run is not the one that pays for JIT compilation; the
 * keyed-count runs are repeated {@link BenchmarkPlan#rounds()} times, interleaved, and the fastest of each counts.
 */
final class EngineBenchmark {
    /** A bounded benchmark job that runs longer than this is treated as hung. */
    private static final Duration BOUNDED_RUN_LIMIT = Duration.ofHours(2);
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(30);

    private final BenchmarkPlan plan;
    private final Consumer<String> log;

    /** @param log receives a line before each run (the command writes them to stderr) */
    EngineBenchmark(BenchmarkPlan plan, Consumer<String> log) {
        this.plan = plan;
        this.log = log;
    }

    BenchmarkResults run() throws BenchmarkFailure, InterruptedException {
        PipelineSpec keyedCount = plan.keyedCountJob();
        CheckpointOptions off = CheckpointOptions.defaults();
        CheckpointOptions aligned = plan.alignedCheckpoints();

        log.accept("warm-up: keyed count, " + Formats.count(plan.warmUpRecords()) + " records");
        runBounded(plan.warmUpJob(), aligned);

        // The three keyed-count runs take turns, so that a noisy neighbour on the machine slows each of them alike;
        // the fastest round of each counts (noise only ever slows a run down).
        RunMeasurement without = null;
        RunMeasurement with = null;
        RunMeasurement observed = null;
        AtomicLong snapshots = new AtomicLong();
        AtomicLong snapshotNanos = new AtomicLong();
        String records = Formats.count(plan.records()) + " records";
        for (int round = 1; round <= plan.rounds(); round++) {
            String of = " (round " + round + "/" + plan.rounds() + ")";
            log.accept("1 keyed count, " + records + ", no checkpoints" + of);
            without = RunMeasurement.faster(without, logged(runBounded(keyedCount, off)));
            log.accept("1 keyed count, " + records + ", checkpoints every " + seconds(plan.checkpointInterval())
                    + of);
            with = RunMeasurement.faster(with, logged(runBounded(keyedCount, aligned)));
            log.accept("3 keyed count with checkpoints, observer at " + plan.observerHz() + " snapshots/s" + of);
            observed = RunMeasurement.faster(observed, logged(runObserved(keyedCount, aligned, snapshots, snapshotNanos)));
        }

        PipelineSpec backpressure = plan.backpressureJob();
        String slow = "2 backpressure (" + plan.slowMicros() + " µs/record), ";
        log.accept(slow + "aligned, " + seconds(plan.backpressureRun()));
        RunMeasurement bpAligned = logged(runFor(backpressure, plan.backpressureCheckpoints(false), plan.backpressureRun()));
        log.accept(slow + "unaligned, " + seconds(plan.backpressureRun()));
        RunMeasurement bpUnaligned = logged(runFor(backpressure, plan.backpressureCheckpoints(true), plan.backpressureRun()));

        long n = snapshots.get();
        double meanMicros = n == 0 ? 0 : snapshotNanos.get() / 1000.0 / n;
        return new BenchmarkResults(plan, without, with, bpAligned, bpUnaligned, observed, n, meanMicros);
    }

    /** Shows each run's result as it comes, so that the spread between rounds is visible. */
    private RunMeasurement logged(RunMeasurement m) {
        log.accept("  -> " + Formats.rate(m.throughputPerSecond()) + " records/s, " + m.completedCheckpoints()
                + " checkpoints" + (m.medianEndToEndMillis().isPresent()
                        ? String.format(java.util.Locale.ROOT, ", median end-to-end %.0f ms",
                                m.medianEndToEndMillis().getAsDouble()) : ""));
        return m;
    }

    private RunMeasurement runBounded(PipelineSpec pipeline, CheckpointOptions options)
            throws BenchmarkFailure, InterruptedException {
        try (Job job = start(pipeline, options)) {
            return finish(job, BOUNDED_RUN_LIMIT, JobStatus.FINISHED);
        }
    }

    private RunMeasurement runFor(PipelineSpec pipeline, CheckpointOptions options, Duration length)
            throws BenchmarkFailure, InterruptedException {
        try (Job job = start(pipeline, options)) {
            if (job.awaitTermination(length)) {
                throw new BenchmarkFailure(pipeline.name() + " ended early: " + job.status() + " "
                        + job.summary().failureCause());
            }
            // Measured up to now, while running: the time it takes to cancel is not part of the run.
            JobSummary running = job.summary();
            job.cancel();
            if (!job.awaitTermination(CANCEL_WAIT)) {
                throw new BenchmarkFailure(pipeline.name() + " did not stop within " + seconds(CANCEL_WAIT)
                        + " of cancelling");
            }
            return RunMeasurement.of(running);
        }
    }

    private RunMeasurement runObserved(PipelineSpec pipeline, CheckpointOptions options, AtomicLong snapshots,
                                       AtomicLong snapshotNanos) throws BenchmarkFailure, InterruptedException {
        ScheduledExecutorService observer = DaemonTimer.start("bench-observer");
        try (Job job = start(pipeline, options)) {
            long periodMicros = 1_000_000L / plan.observerHz();
            observer.scheduleAtFixedRate(() -> {
                long t0 = System.nanoTime();
                job.snapshot();
                snapshotNanos.addAndGet(System.nanoTime() - t0);
                snapshots.incrementAndGet();
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
            return finish(job, BOUNDED_RUN_LIMIT, JobStatus.FINISHED);
        } finally {
            observer.shutdownNow();
            observer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Job start(PipelineSpec pipeline, CheckpointOptions options) throws BenchmarkFailure {
        try {
            return Job.start(JobConfig.of(pipeline).withCheckpointOptions(options));
        } catch (PipelineException e) {
            throw new BenchmarkFailure(pipeline.name() + " cannot run: " + e.getMessage());
        }
    }

    private static RunMeasurement finish(Job job, Duration limit, JobStatus expected)
            throws BenchmarkFailure, InterruptedException {
        if (!job.awaitTermination(limit)) {
            throw new BenchmarkFailure(job.pipeline().name() + " did not end within " + seconds(limit));
        }
        JobSummary summary = job.summary();
        if (summary.status() != expected) {
            throw new BenchmarkFailure(job.pipeline().name() + " ended " + summary.status()
                    + (summary.failureCause() == null ? "" : ": " + summary.failureCause()));
        }
        return RunMeasurement.of(summary);
    }

    private static String seconds(Duration d) {
        return Formats.seconds(d.toMillis());
    }

    /** A benchmark job failed or hung; the numbers would mean nothing. */
    static final class BenchmarkFailure extends Exception {
        BenchmarkFailure(String message) {
            super(message);
        }
    }
}
