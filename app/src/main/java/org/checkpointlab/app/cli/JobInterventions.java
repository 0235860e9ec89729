package org.checkpointlab.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.StopWithSavepointException;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.util.Durations;

/**
 * What {@code run} does to the running job besides waiting for it: injects the {@code --fail} failures and the
 * {@code --chaos} ones, takes the {@code --savepoint-at} savepoints and the {@code --stop-with-savepoint-at} one,
 * each into a fresh {@code DIR/savepoint-N}. Times count from the job's start. Each outcome is reported as one
 * line (e.g. {@code savepoint 1 written: DIR/savepoint-1 (checkpoint 4, 1.2 KiB, 31 ms)}).
 *
 * <p>Threading: {@code --fail} failures go into the job's config ({@link #plannedFailures}); chaos starts on the
 * command's thread ({@link #start}); savepoints are triggered from one
 * daemon thread of its own, which waits (up to {@link #RUNNING_WAIT}) for a restarting job to run again, since a
 * savepoint is taken only while every subtask runs, as in Flink.
 */
final class JobInterventions {
    static final Duration RUNNING_WAIT = Duration.ofSeconds(30);

    private final Job job;
    private final FaultFlags faults;
    private final SavepointFlags savepointFlags;
    private final Consumer<String> out;
    private final ScheduledExecutorService timer = DaemonTimer.start("cli-savepoints");
    /** Savepoints scheduled: when due, whether the timer has run them yet, and when their outcome is reported. */
    private final List<Scheduled> scheduled = new ArrayList<>();
    private final List<CompletableFuture<?>> pending = new ArrayList<>();
    private final AtomicInteger nextNumber;
    private volatile boolean stoppedWithSavepoint;

    JobInterventions(Job job, FaultFlags faults, SavepointFlags savepoints, Consumer<String> out) {
        this.job = job;
        this.faults = faults;
        this.savepointFlags = savepoints;
        this.out = out;
        this.nextNumber = new AtomicInteger(savepoints.firstFreeNumber());
    }

    /** The {@code --fail} failures, for the job's config: the engine arms them before its tasks start. */
    static List<org.checkpointlab.model.job.PlannedFailure> plannedFailures(FaultFlags faults) {
        List<org.checkpointlab.model.job.PlannedFailure> planned = new ArrayList<>();
        for (FailureAt f : faults.failures) {
            planned.add(f.records() != null
                    ? org.checkpointlab.model.job.PlannedFailure.atRecords(f.operatorId(), f.subtask(), f.records())
                    : org.checkpointlab.model.job.PlannedFailure.after(f.operatorId(), f.subtask(), f.after()));
        }
        return planned;
    }

    /** Starts chaos and schedules the savepoints; call right after the job started. */
    void start() {
        if (faults.chaos != null) {
            CompletableFuture<Integer> chaos = job.chaos(faults.chaos, faults.seedOrDefault());
            pending.add(chaos.thenAccept(n -> out.accept("chaos: " + n + " of " + faults.chaos
                    + " failures injected" + (n < faults.chaos ? " (the job ended before the others were due)"
                    : ""))));
        }
        for (Duration at : savepointFlags.savepointAt) {
            schedule(at, false);
        }
        if (savepointFlags.stopAt != null) {
            schedule(savepointFlags.stopAt, true);
        }
    }

    private record Scheduled(Duration at, boolean stop, java.util.concurrent.ScheduledFuture<?> timer,
                             CompletableFuture<Void> done) {
    }

    private void schedule(Duration at, boolean stop) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        var task = timer.schedule(() -> takeSavepoint(at, stop, done), at.toMillis(), TimeUnit.MILLISECONDS);
        scheduled.add(new Scheduled(at, stop, task, done));
    }

    private void takeSavepoint(Duration at, boolean stop, CompletableFuture<Void> done) {
        String what = (stop ? "stop-with-savepoint" : "savepoint") + " at " + Durations.format(at);
        try {
            if (!job.awaitRunning(RUNNING_WAIT)) {
                out.accept(what + (job.status() == JobStatus.FINISHED ? ": job already finished; no savepoint taken"
                        : " skipped: " + (job.status().isTerminal() ? "the job had already ended (" + job.status()
                        + ")" : "the job was not running within " + RUNNING_WAIT.toSeconds() + " s")));
                done.complete(null);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.complete(null);
            return;
        }
        Path dir = savepointFlags.savepointDir.resolve("savepoint-" + nextNumber.getAndIncrement());
        CompletableFuture<SavepointResult> result = stop ? job.stopWithSavepoint(dir, savepointFlags.drain)
                : job.triggerSavepoint(dir);
        result.whenComplete((r, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                // A stop-with-savepoint says itself why it took none ("job already finished; no savepoint taken").
                out.accept(what + (cause instanceof StopWithSavepointException ? ": " : " failed: ")
                        + cause.getMessage());
            } else {
                if (stop) {
                    stoppedWithSavepoint = true;
                }
                out.accept((stop ? "stopped with savepoint " + (savepointFlags.drain ? "(drained) " : "")
                        : "savepoint written: ") + r.path() + " (checkpoint "
                        + r.checkpointId() + ", " + Formats.bytes(r.sizeBytes()) + ", " + r.durationMillis()
                        + " ms)");
            }
            done.complete(null);
        });
    }

    /** Whether the job ended by {@code --stop-with-savepoint-at} (then it did not read all of its input). */
    boolean stoppedWithSavepoint() {
        return stoppedWithSavepoint;
    }

    /**
     * After the job ended: reports the savepoints that were not due yet as skipped, and waits (at most
     * {@code timeout}) for those in flight to be written or to fail and for their lines to be reported.
     */
    void finish(Duration timeout) throws InterruptedException {
        List<CompletableFuture<?>> waitFor = new ArrayList<>(pending);
        for (Scheduled s : scheduled) {
            if (s.timer().cancel(false)) {
                boolean finishedFirst = s.stop() && job.status() == JobStatus.FINISHED;
                out.accept((s.stop() ? "stop-with-savepoint" : "savepoint") + " at " + Durations.format(s.at())
                        + (finishedFirst ? ": job already finished; no savepoint taken"
                        : " skipped: the job had already ended (" + job.status() + ")"));
            } else {
                waitFor.add(s.done());
            }
        }
        timer.shutdown();
        try {
            CompletableFuture.allOf(waitFor.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            out.accept("warning: a savepoint was still being written when the command ended");
        }
    }
}
