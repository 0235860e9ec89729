package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.checkpointlab.model.checkpoint.CheckpointCoordinator;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.observe.FailureCause;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.ExecutionThrottle;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointCompatibility;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointReader;

/**
 * A running job: the public face of the engine for the desktop app, the command line and tests.
 *
 * <p>Threading: the job's control logic (failures, restarts, the end of a bounded job, metric sampling) and the
 * checkpoint coordinator run on one control thread (the coordinator's timer thread). Every public method is
 * thread-safe and returns quickly; none blocks on a task thread except {@link #awaitTermination}.
 *
 * <p>Parts: the {@link JobScheduler} deploys the tasks, carries out failover and ends the job (the
 * {@link ExecutionFailureHandler} decides whether and how a failure restarts); the {@link CheckpointCoordinator}
 * with its {@link JobCheckpointContext}, and the {@link CheckpointCleaner} for the checkpoint files' I/O;
 * {@link SavepointOperations} takes savepoints and stops with one; {@link FailureInjection} (over the
 * {@link ChaosInjector}) injects failures now, planned and random; {@link JobTotals} sums the job up; the job's
 * {@link ExecutionThrottle} pauses, slows and steps it.
 */
public final class Job implements AutoCloseable {
    private final JobConfig config;
    private final PipelineSpec pipeline;
    private final JobScheduler scheduler;
    private final CheckpointCoordinator coordinator;
    private final ExecutionThrottle throttle;
    private final FailureInjection injection;

    private Job(JobConfig config, JobSetup setup, CompletedCheckpoint restoredFrom) {
        this.config = config;
        this.pipeline = setup.pipeline();
        this.scheduler = new JobScheduler(config, setup, restoredFrom);
        this.coordinator = scheduler.coordinator();
        this.throttle = scheduler.runtime().throttle();
        this.injection = new FailureInjection(scheduler, System.currentTimeMillis());
    }

    /** Validates the pipeline of {@code config}, deploys its tasks and starts them. */
    public static Job start(JobConfig config) throws PipelineException {
        JobSetup setup;
        CompletedCheckpoint restore = null;
        if (config.restore() == null) {
            setup = JobSetup.of(config);
        } else {
            Savepoint savepoint;
            try {
                savepoint = SavepointReader.read(config.restore().path());
            } catch (SavepointException e) {
                throw new PipelineException(e.problems());
            }
            setup = JobSetup.of(config, p -> SavepointCompatibility.withSavedMaxParallelism(savepoint, p),
                    p -> SavepointCompatibility.findings(savepoint, p, config.restore().allowNonRestoredState()));
            restore = SavepointCompatibility.restorableState(savepoint, setup.pipeline());
        }
        Job job = new Job(config, setup, restore);
        job.scheduler.start();
        for (PlannedFailure f : config.plannedFailures()) {
            if (f.after() != null) {
                job.scheduleFailure(f.operatorId(), f.subtask(), f.after());
            }
        }
        return job;
    }

    // ---- public API ---------------------------------------------------------------------------------------------------

    public JobStatus status() {
        return scheduler.status();
    }

    public JobConfig config() {
        return config;
    }

    /** The pipeline as run: with parallelism and record overrides applied. */
    public PipelineSpec pipeline() {
        return pipeline;
    }

    /** An immutable view of the job at this moment: subtasks, channels with their buffers and barriers. */
    public JobSnapshot snapshot() {
        Deployment d = scheduler.deployment();
        ExecutionFailureHandler failures = scheduler.failureHandler();
        return new JobSnapshot(System.nanoTime(), scheduler.status(), scheduler.attempt(), d.subtaskSnapshots(),
                d.channelSnapshots(), coordinator.history(), failures.failures(), failures.restartEvents(),
                failures.nextRestartAtMillis(), throttle.paused(), throttle.speed(), scheduler.startSavepointId());
    }

    /** Triggers a checkpoint now; completes with its final statistics (completed or failed). */
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return coordinator.trigger();
    }

    /**
     * Takes a savepoint (always aligned) and writes it to {@code directory}, atomically: the directory appears only
     * when complete. Completes exceptionally (and writes nothing) if the savepoint fails or the directory exists.
     */
    public CompletableFuture<SavepointResult> triggerSavepoint(Path directory) {
        return scheduler.savepoints().trigger(directory);
    }

    /**
     * Stop-with-savepoint without drain: {@link #stopWithSavepoint(Path, boolean) stopWithSavepoint(directory,
     * false)}.
     */
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory) {
        return stopWithSavepoint(directory, false);
    }

    /**
     * Stop-with-savepoint, a synchronous savepoint as in Flink (FLIP-34): sources emit the savepoint barrier and then
     * nothing more, no subtask processes a record or timer after it snapshotted, and no other checkpoint is
     * triggered meanwhile. The savepoint is written before any subtask hears of its completion; then two-phase-commit
     * sinks commit exactly what it covers and the job ends FINISHED. The output so far plus that of a job resumed
     * from the savepoint is a failure-free run's.
     *
     * <p>With {@code drain}, sources first end their input (windows fire, operators flush, as on Flink's
     * MAX_WATERMARK), then the savepoint is taken as the job's last checkpoint; a job resumed from it has nothing
     * left to read.
     *
     * <p>If the savepoint fails (timeout, a task failure), the job goes on and the future fails with a
     * {@link StopWithSavepointException} saying why; no savepoint is reported. So it does when the job finished, or
     * reached the end of its input, before the stop took effect ({@link StopWithSavepointException#jobAlreadyFinished()}).
     */
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain) {
        return scheduler.savepoints().stop(directory, drain);
    }

    /** The savepoints this job wrote, oldest first. */
    public List<SavepointResult> savepoints() {
        return scheduler.savepoints().written();
    }

    /** New options apply from the next checkpoint on. */
    public void updateCheckpointOptions(CheckpointOptions options) {
        coordinator.updateOptions(options);
    }

    public CheckpointOptions checkpointOptions() {
        return coordinator.options();
    }

    /** Every checkpoint's statistics so far, by id. */
    public List<CheckpointStats> checkpointHistory() {
        return coordinator.history();
    }

    /** Slows sources and per-record work down (0 < speed ≤ 1), for watching at human speed. */
    public void setSpeed(double speed) {
        throttle.setSpeed(speed);
    }

    /**
     * Pauses processing (checkpoint triggers, failures and cancellation still work) or resumes it; either ends a
     * {@linkplain #stepToNextBarrierEvent() step}.
     */
    public void setPaused(boolean paused) {
        throttle.setPaused(paused);
    }

    /**
     * Single step for a paused job: processing resumes until the next barrier event (a source sends a barrier, or a
     * barrier reaches a subtask's input), and the job pauses again there. Subtasks stop at their next check of the
     * pause, a few records at most after the event, so what is shown is the engine's real state just after it.
     * Without a checkpoint in flight the next event is the next checkpoint's trigger.
     *
     * @return false (and nothing happens) when the job is not paused
     */
    public boolean stepToNextBarrierEvent() {
        return !scheduler.status().isTerminal() && throttle.step();
    }

    /** True from {@link #stepToNextBarrierEvent()} until the barrier event that ends the step. */
    public boolean isStepping() {
        return throttle.stepping();
    }

    /** The barrier event the last step stopped at, e.g. "barrier 7 reached count #1 from split #0"; or null. */
    public String lastStepEvent() {
        return throttle.lastStepEvent();
    }

    /** The barrier event the last step stopped at, as facts; or null. */
    public org.checkpointlab.model.observe.StepEvent lastStep() {
        return throttle.lastStep();
    }

    public boolean isPaused() {
        return throttle.paused();
    }

    public double speed() {
        return throttle.speed();
    }

    /** The exception history, oldest first. */
    public List<FailureEvent> failures() {
        return List.copyOf(scheduler.failureHandler().failures());
    }

    /** Every recovery so far, oldest first. */
    public List<RestartEvent> restartEvents() {
        return List.copyOf(scheduler.failureHandler().restartEvents());
    }

    /**
     * Makes subtask {@code subtask} of operator {@code operatorId} fail now: an exception is thrown in its thread.
     *
     * @return false if there is no such running subtask
     */
    public boolean injectFailure(String operatorId, int subtask) {
        return injection.injectFailure(operatorId, subtask);
    }

    /**
     * Waits until every subtask of the current attempt is RUNNING (a checkpoint can be triggered only then, as in
     * Flink); returns false on timeout or when the job ended first.
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JobStatus status = scheduler.status();
            if (status.isTerminal()) {
                return false;
            }
            Deployment d = scheduler.deployment();
            if (status == JobStatus.RUNNING && scheduler.allRegionsRunning() && d.tasks().stream()
                    .allMatch(t -> t.status() == org.checkpointlab.model.observe.SubtaskStatus.RUNNING)) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /**
     * Waits until every running subtask has handled the commands sent to it before this call and is between two
     * records: a pause, the end of a step or a speed set before the call is then in effect everywhere. After
     * {@code setPaused(true)} it means that no subtask processes another record until the job resumes or steps, so
     * an observer (a test, a tool) reads a state that stays put. Returns false on timeout (as when a subtask ended
     * before it got to them: its commands are dropped).
     */
    public boolean awaitControlsApplied(Duration timeout) throws InterruptedException {
        try {
            scheduler.deployment().drainMailboxes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a subtask's mailbox failed", e.getCause());
        }
    }

    /**
     * Schedules a failure of subtask {@code subtask} of {@code operatorId} {@code after} the job started. If the job
     * is not running then (restarting, or ended), nothing happens.
     */
    public void scheduleFailure(String operatorId, int subtask, Duration after) {
        injection.scheduleFailure(operatorId, subtask, after);
    }

    /**
     * Makes subtask {@code subtask} of {@code operatorId} fail once when it has taken in {@code records} records
     * (a source: emitted) in the current attempt. Fires once; a restart does not re-arm it.
     */
    public boolean failAtRecords(String operatorId, int subtask, long records) {
        return injection.failAtRecords(operatorId, subtask, records);
    }

    /**
     * Chaos: {@code failures} failures, each into a random subtask at a random moment 200 ms to 2 s after the job
     * is running again, from {@code seed}. Failures due while the job is not running wait for it; those due after
     * it ended are skipped. Completes with the number injected.
     */
    public CompletableFuture<Integer> chaos(int failures, long seed) {
        return injection.chaos(failures, seed);
    }

    /** Waits until the job is FINISHED, CANCELED or FAILED; returns false on timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        try {
            scheduler.termination().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Cancels every task; the job ends CANCELED. */
    public void cancel() {
        scheduler.cancel();
    }

    /** Totals so far (or final, once terminated). */
    public JobSummary summary() {
        return JobTotals.summary(pipeline, scheduler, coordinator);
    }

    /**
     * The state a failure would restore now: the latest completed checkpoint, or the savepoint the job started from
     * ({@code null} before either). Any thread.
     */
    public CompletedCheckpoint latestRestorePoint() {
        return scheduler.restorePoint();
    }

    /** The external output of each sink (committed records, digest), by sink id. */
    public Map<String, SinkOutput> sinkOutputs() {
        return scheduler.sinkStore().outputs();
    }

    @Override
    public void close() {
        cancel();
        try {
            awaitTermination(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exception thrown in a subtask by failure injection. */
    public static final class InjectedFailure extends RuntimeException {
        private final transient FailureCause fact;

        public InjectedFailure(FailureCause fact) {
            super(fact.english());
            this.fact = fact;
        }

        /** What was injected, as facts. */
        public FailureCause fact() {
            return fact;
        }
    }
}
