package org.checkpointlab.model.job;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.checkpointlab.model.checkpoint.CheckpointCoordinator;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.CoordinatorContext;
import org.checkpointlab.model.checkpoint.Retention;
import org.checkpointlab.model.checkpoint.ScheduledTimerService;
import org.checkpointlab.model.checkpoint.SubtaskCheckpointStats;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.operators.Operators;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.CheckpointBarrier;
import org.checkpointlab.model.runtime.CheckpointStorage;
import org.checkpointlab.model.runtime.DirectoryCheckpointStorage;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.HeapStateBackendFactory;
import org.checkpointlab.model.runtime.MemoryCheckpointStorage;
import org.checkpointlab.model.runtime.OperatorFactory;
import org.checkpointlab.model.runtime.RuntimeContext;
import org.checkpointlab.model.runtime.SinkOutput;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.runtime.StateBackendFactory;
import org.checkpointlab.model.runtime.Task;
import org.checkpointlab.model.runtime.TaskListener;
import org.checkpointlab.model.runtime.TaskStateSnapshot;
import org.checkpointlab.model.savepoint.Savepoint;
import org.checkpointlab.model.savepoint.SavepointCompatibility;
import org.checkpointlab.model.savepoint.SavepointException;
import org.checkpointlab.model.savepoint.SavepointReader;
import org.checkpointlab.model.savepoint.SavepointWriter;
import org.checkpointlab.model.state.rocksdb.RocksDbStateBackendFactory;

/**
 * A running job: the public face of the engine for the desktop app, the command line and tests.
 *
 * <p>Threading: the job's control logic (failures, restarts, the end of a bounded job, metric sampling) and the
 * checkpoint coordinator run on one control thread (the coordinator's timer thread). Tasks report to it from their
 * own threads through {@link TaskListener}; events from tasks of an earlier attempt are ignored. Every public method
 * is thread-safe and returns quickly; none blocks on a task thread except {@link #awaitTermination}.
 */
public final class Job implements AutoCloseable {
    private static final long SAMPLE_INTERVAL_MILLIS = 200;

    private final JobConfig config;
    private final PipelineSpec pipeline;
    private final JobSetup setup;
    private final ScheduledTimerService control;
    private final ExecutorService asyncExecutor;
    private final CheckpointCoordinator coordinator;
    private final SinkStore sinkStore;
    private final CheckpointStorage storage;
    /** One for the job's life: an incremental RocksDB backend reuses files uploaded before a restart. */
    private final StateBackendFactory backends;
    private final RuntimeSettings runtime;
    private final CompletableFuture<JobStatus> termination = new CompletableFuture<>();
    private final RestartBackoff restartBackoff;
    private final long startNanos = System.nanoTime();
    private final long startMillis = System.currentTimeMillis();

    // ---- control thread only -------------------------------------------------------------------------------------
    private final Set<Task> endOfData = new HashSet<>();
    private final Set<Task> finished = new HashSet<>();
    private final Map<String, long[]> countsOfEndedAttempts = new LinkedHashMap<>();
    private boolean finalCheckpointRequested;
    private long lastRestartDelay;
    /** The stop-with-savepoint under way, or null. */
    private StopRequest stopping;

    // ---- read by any thread ------------------------------------------------------------------------------------------
    /** The running tasks, per pipelined region. Replaced whole on a full restart; per region on a region restart. */
    private volatile Deployment deployment;
    /** Regions waiting for their restart (region failover); changed on the control thread, read anywhere. */
    private final Set<Integer> restartingRegions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile int attempt;
    private volatile int restarts;
    private volatile String failureCause;
    private volatile long endNanos;
    private volatile long nextRestartAtMillis = -1;
    private volatile long lastFailureMillis;
    private final java.util.concurrent.CopyOnWriteArrayList<FailureEvent> failures =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.CopyOnWriteArrayList<RestartEvent> restartEvents =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    private final java.util.concurrent.CopyOnWriteArrayList<SavepointResult> savepoints =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private final CompletedCheckpoint restoredFrom;
    /** Writes retained checkpoints' metadata and deletes discarded checkpoints, in order, off the control thread. */
    private final ExecutorService checkpointFiles = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "checkpoint-files");
        t.setDaemon(true);
        return t;
    });

    private Job(JobConfig config, PipelineSpec pipeline, JobSetup setup, CompletedCheckpoint restoredFrom) {
        this.config = config;
        this.pipeline = pipeline;
        this.setup = setup;
        this.control = new ScheduledTimerService("job-control");
        this.asyncExecutor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "async-snapshots");
            t.setDaemon(true);
            return t;
        });
        this.sinkStore = new SinkStore(config.outputDir());
        CheckpointOptions options = config.checkpointOptions();
        this.storage = options.directory() == null ? new MemoryCheckpointStorage()
                : new DirectoryCheckpointStorage(options.directory());
        this.backends = config.backend() == StateBackendKind.ROCKSDB
                ? RocksDbStateBackendFactory.forJob(config.incremental(), options.directory())
                : new HeapStateBackendFactory();
        this.runtime = new RuntimeSettings(new Operators(), config.runtimeOptions(), options.periodic());
        this.coordinator = new CheckpointCoordinator(options, control, new Coordination());
        this.restartBackoff = new RestartBackoff(config.effectiveRestartStrategy());
        this.restoredFrom = restoredFrom;
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
                    p -> SavepointCompatibility.problems(savepoint, p, config.restore().allowNonRestoredState()));
            restore = SavepointCompatibility.restorableState(savepoint, setup.pipeline());
        }
        Job job = new Job(config, setup.pipeline(), setup, restore);
        if (restore != null) {
            job.coordinator.restoredFrom(restore);
        }
        job.deploy(restore);
        for (PlannedFailure f : config.plannedFailures()) {
            if (f.after() != null) {
                job.scheduleFailure(f.operatorId(), f.subtask(), f.after());
            }
        }
        job.coordinator.start();
        job.control.schedule(job::sample, SAMPLE_INTERVAL_MILLIS);
        return job;
    }

    private void deploy(CompletedCheckpoint restore) {
        Deployment d = new Deployment(Deployment.pipelinedRegions(pipeline));
        for (int r = 0; r < d.regionCount(); r++) {
            d.replace(r, buildRegion(d.regionPipeline(r), restore));
        }
        endOfData.clear();
        finished.clear();
        finalCheckpointRequested = false;
        synchronized (countsOfEndedAttempts) {
            deployment = d;
        }
        status = JobStatus.RUNNING;
        // Record-count failures are armed before any task starts, so none can finish before its trigger.
        for (PlannedFailure f : plannedRecordFailures()) {
            d.failAtRecords(f.operatorId(), f.subtask(), f.atRecords(), recordFailure(f));
        }
        d.start();
    }

    /** The record-count failures planned for the current attempt. */
    private List<PlannedFailure> plannedRecordFailures() {
        return config.plannedFailures().stream().filter(f -> f.atRecords() != null && f.attempt() == attempt)
                .toList();
    }

    private static InjectedFailure recordFailure(PlannedFailure f) {
        return new InjectedFailure("failure injected into " + f.operatorId() + " #" + f.subtask() + " at record "
                + f.atRecords() + (f.attempt() == 0 ? "" : " of attempt " + f.attempt()));
    }

    private ExecutionGraph buildRegion(PipelineSpec region, CompletedCheckpoint restore) {
        return ExecutionGraph.build(region, setup::params, setup.keyedOperators(),
                new ExecutionGraph.Environment(new Listener(), asyncExecutor, storage,
                        backends, sinkStore, runtime, config.runtimeOptions().bufferSize(),
                        config.runtimeOptions().buffersPerChannel()), restore);
    }

    // ---- public API ---------------------------------------------------------------------------------------------------

    public JobStatus status() {
        return status;
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
        Deployment d = deployment;
        return new JobSnapshot(System.nanoTime(), status, attempt, d.subtaskSnapshots(), d.channelSnapshots(),
                coordinator.history(), failures, restartEvents, nextRestartAtMillis, runtime.paused,
                runtime.speed);
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
        SavepointFiles files = new SavepointFiles(directory, pipeline, savepoints::add);
        return coordinator.triggerSavepoint(files::write).thenApply(state -> files.result());
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
        CompletableFuture<SavepointResult> result = new CompletableFuture<>();
        if (status.isTerminal()) {
            result.completeExceptionally(alreadyFinished());
            return result;
        }
        control.execute(() -> beginStop(new StopRequest(new SavepointFiles(directory, pipeline, savepoints::add), drain, result)));
        return result;
    }

    /** The savepoints this job wrote, oldest first. */
    public List<SavepointResult> savepoints() {
        return List.copyOf(savepoints);
    }

    private StopWithSavepointException alreadyFinished() {
        return new StopWithSavepointException("job already " + (status == JobStatus.FINISHED ? "finished"
                : "ended " + status) + "; no savepoint taken", status == JobStatus.FINISHED);
    }

    private void beginStop(StopRequest stop) {
        String refused = null;
        boolean finished = false;
        if (status.isTerminal()) {
            stop.result.completeExceptionally(alreadyFinished());
            return;
        } else if (stopping != null) {
            refused = "a stop-with-savepoint is already in progress";
        } else if (finalCheckpointRequested) {
            refused = "the job reached the end of its input first and finishes on its own; no savepoint taken";
            finished = true;
        } else if (status != JobStatus.RUNNING || !restartingRegions.isEmpty()) {
            refused = "the job is restarting; no savepoint taken (try again once it runs)";
        }
        if (refused != null) {
            stop.result.completeExceptionally(new StopWithSavepointException(refused, finished));
            return;
        }
        stopping = stop;
        if (stop.drain) {
            coordinator.holdForStop();
            deployment.drainSources(); // the savepoint follows once every task reached the end of its input
        } else {
            takeStopSavepoint(stop, org.checkpointlab.model.runtime.SnapshotType.SUSPEND);
        }
    }

    private void takeStopSavepoint(StopRequest stop, org.checkpointlab.model.runtime.SnapshotType type) {
        Deployment d = deployment;
        coordinator.triggerStopSavepoint(type, stop.files::write).whenComplete((state, error) -> control.execute(() -> {
            if (stopping != stop) {
                return;
            }
            if (error != null) {
                stopFailed(stop, error);
                return;
            }
            stop.completedId = state.id();
            SavepointResult written = stop.files.result();
            if (type == org.checkpointlab.model.runtime.SnapshotType.TERMINATE) {
                commitUpTo(state.id());
                termination.whenComplete((s, e) -> stop.result.complete(written));
                d.requestFinish();
                return;
            }
            // Step (1) every subtask handles the completion notice (sinks commit); Step (2) the job commits what a
            // subtask could not (it failed meanwhile); Step (3) every task stops and the job ends FINISHED.
            d.drainMailboxes().whenComplete((v, e) -> control.execute(() -> {
                commitUpTo(state.id());
                if (!status.isTerminal()) {
                    coordinator.stop("job stopped with savepoint");
                    cancelDeployment();
                    end(JobStatus.FINISHED, null);
                }
                stop.result.complete(written);
            }));
        }));
    }

    /** The stop's savepoint failed: the stop fails, and a job whose inputs all ended meanwhile finishes. */
    private void stopFailed(StopRequest stop, Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        failStop(stop, cause.getMessage() != null ? cause.getMessage() : cause.toString());
        if (status != JobStatus.RUNNING) {
            return;
        }
        if (finalCheckpointRequested) {
            finishBoundedJob(); // drained, but the savepoint failed: the job ends as a bounded job does
        } else {
            allInputsEnded(); // every input may have ended while the stop was pending
        }
    }

    private void failStop(StopRequest stop, String why) {
        stopping = null;
        coordinator.releaseAfterFailedStop();
        stop.result.completeExceptionally(new StopWithSavepointException("stop-with-savepoint failed: " + why
                + "; no savepoint taken, the job goes on", false));
    }

    private void commitUpTo(long checkpointId) {
        for (SinkOutput out : sinkStore.outputs().values()) {
            out.commitPreparedUpTo(checkpointId);
        }
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
        if (!(speed > 0 && speed <= 1)) {
            throw new IllegalArgumentException("speed must be in (0, 1], was " + speed);
        }
        runtime.speed = speed;
    }

    /**
     * Pauses processing (checkpoint triggers, failures and cancellation still work) or resumes it; either ends a
     * {@linkplain #stepToNextBarrierEvent() step}.
     */
    public void setPaused(boolean paused) {
        runtime.stepping.set(false);
        runtime.paused = paused;
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
        if (!runtime.paused || status.isTerminal()) {
            return false;
        }
        runtime.stepping.set(true);
        runtime.paused = false;
        return true;
    }

    /** True from {@link #stepToNextBarrierEvent()} until the barrier event that ends the step. */
    public boolean isStepping() {
        return runtime.stepping.get();
    }

    /** The barrier event the last step stopped at, e.g. "barrier 7 reached count #1 from split #0"; or null. */
    public String lastStepEvent() {
        return runtime.lastStepEvent;
    }

    public boolean isPaused() {
        return runtime.paused;
    }

    public double speed() {
        return runtime.speed;
    }

    /** The exception history, oldest first. */
    public List<FailureEvent> failures() {
        return List.copyOf(failures);
    }

    /** Every recovery so far, oldest first. */
    public List<RestartEvent> restartEvents() {
        return List.copyOf(restartEvents);
    }

    /**
     * Makes subtask {@code subtask} of operator {@code operatorId} fail now: an exception is thrown in its thread.
     *
     * @return false if there is no such running subtask
     */
    public boolean injectFailure(String operatorId, int subtask) {
        return deployment.injectFailure(operatorId, subtask,
                new InjectedFailure("failure injected into " + operatorId + " #" + subtask));
    }

    /**
     * Waits until every subtask of the current attempt is RUNNING (a checkpoint can be triggered only then, as in
     * Flink); returns false on timeout or when the job ended first.
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status.isTerminal()) {
                return false;
            }
            Deployment d = deployment;
            if (status == JobStatus.RUNNING && restartingRegions.isEmpty() && d.tasks().stream()
                    .allMatch(t -> t.status() == org.checkpointlab.model.runtime.SubtaskStatus.RUNNING)) {
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
            deployment.drainMailboxes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        long due = startMillis + after.toMillis();
        control.schedule(() -> {
            if (status == JobStatus.RUNNING) {
                injectFailure(operatorId, subtask);
            }
        }, Math.max(0, due - System.currentTimeMillis()));
    }

    /**
     * Makes subtask {@code subtask} of {@code operatorId} fail once when it has taken in {@code records} records
     * (a source: emitted) in the current attempt. Fires once; a restart does not re-arm it.
     */
    public boolean failAtRecords(String operatorId, int subtask, long records) {
        return deployment.failAtRecords(operatorId, subtask, records,
                recordFailure(PlannedFailure.atRecords(operatorId, subtask, records)));
    }

    /**
     * Chaos: {@code failures} failures, each into a random subtask at a random moment 200 ms to 2 s after the job
     * is running again, from {@code seed}. Failures due while the job is not running wait for it; those due after
     * it ended are skipped. Completes with the number injected.
     */
    public CompletableFuture<Integer> chaos(int failures, long seed) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        java.util.concurrent.atomic.AtomicInteger injected = new java.util.concurrent.atomic.AtomicInteger();
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        termination.whenComplete((s, e) -> done.complete(injected.get()));
        control.execute(() -> chaosStep(failures, injected, random, done));
        return done;
    }

    private void chaosStep(int remaining, java.util.concurrent.atomic.AtomicInteger injected,
                           java.util.SplittableRandom random, CompletableFuture<Integer> done) {
        if (remaining == 0 || status.isTerminal()) {
            done.complete(injected.get());
            return;
        }
        if (status != JobStatus.RUNNING) {
            control.schedule(() -> chaosStep(remaining, injected, random, done), 20);
            return;
        }
        control.schedule(() -> {
            if (status != JobStatus.RUNNING) {
                chaosStep(remaining, injected, random, done);
                return;
            }
            List<Task> tasks = deployment.tasks();
            Task victim = tasks.get(random.nextInt(tasks.size()));
            if (injectFailure(victim.headOperatorId(), victim.subtaskIndex())) {
                injected.incrementAndGet();
            }
            control.schedule(() -> chaosStep(remaining - 1, injected, random, done), 50);
        }, 200 + random.nextInt(1800));
    }

    /** Waits until the job is FINISHED, CANCELED or FAILED; returns false on timeout. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        try {
            termination.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Cancels every task; the job ends CANCELED. */
    public void cancel() {
        control.execute(() -> {
            if (!status.isTerminal()) {
                coordinator.stop("job cancelled");
                cancelDeployment();
                end(JobStatus.CANCELED, null);
            }
        });
    }

    /** Totals so far (or final, once terminated). */
    public JobSummary summary() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        synchronized (countsOfEndedAttempts) {
            for (Map.Entry<String, long[]> e : deployment.operatorCounts().entrySet()) {
                long[] earlier = countsOfEndedAttempts.getOrDefault(e.getKey(), new long[2]);
                counts.put(e.getKey(), new long[] {e.getValue()[0] + earlier[0], e.getValue()[1] + earlier[1]});
            }
        }
        List<OperatorSummary> operators = new ArrayList<>();
        long sourceRecords = 0;
        for (OperatorSpec op : pipeline.operators()) {
            long[] c = counts.getOrDefault(op.id(), new long[2]);
            operators.add(new OperatorSummary(op.id(), op.kind(), op.parallelism(), c[0], c[1]));
            if (pipeline.inputsOf(op.id()).isEmpty()) {
                sourceRecords += c[1];
            }
        }
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        long millis = Math.max(1, (end - startNanos) / 1_000_000);
        List<CheckpointStats> history = coordinator.history();
        int completed = coordinator.completedCount();
        int failed = coordinator.failedCount();
        List<SinkSummary> sinks = new ArrayList<>();
        for (Map.Entry<String, SinkOutput> e : sinkStore.outputs().entrySet()) {
            String kind = pipeline.operator(e.getKey()).map(OperatorSpec::kind).orElse("sink");
            sinks.add(new SinkSummary(e.getKey(), kind, e.getValue().count(), e.getValue().digest()));
        }
        return new JobSummary(status, millis, sourceRecords, sourceRecords * 1000.0 / millis, operators, completed,
                failed, history, restarts, sinks, failureCause);
    }

    /** The external output of each sink (committed records, digest), by sink id. */
    public Map<String, SinkOutput> sinkOutputs() {
        return sinkStore.outputs();
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

    // ---- control thread ---------------------------------------------------------------------------------------------

    private void sample() {
        if (status.isTerminal()) {
            return;
        }
        deployment.sampleTimes();
        control.schedule(this::sample, SAMPLE_INTERVAL_MILLIS);
    }

    /**
     * A task failed ({@code task} null: a job-level failure, e.g. too many failed checkpoints). Every pending
     * checkpoint fails. If the restart strategy allows, the failed task's region restarts after the strategy's delay
     * (region failover: the job stays RUNNING, as in Flink), or every task does (full failover, job-level failures,
     * and failures once the final checkpoint is under way: the job goes RESTARTING); otherwise the job fails.
     */
    private void onFailure(Task task, Throwable cause) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        if (stopping != null && stopping.completedId >= 0) {
            return; // the stop's savepoint completed: the job is finishing, and what it covers is committed
        }
        if (stopping != null) {
            failStop(stopping, (task == null ? "the job" : task.taskName() + " #" + task.subtaskIndex())
                    + " failed: " + cause.getMessage());
        }
        int region = task == null ? -1 : deployment.regionOf(task);
        if (task != null && (region < 0 || restartingRegions.contains(region))) {
            return; // a task of a region that is already going down
        }
        String where = task == null ? "job" : task.taskName() + " #" + task.subtaskIndex();
        String message = where + " failed: " + cause;
        lastFailureMillis = System.currentTimeMillis();
        failures.add(new FailureEvent(lastFailureMillis, task == null ? null : task.headOperatorId(),
                task == null ? -1 : task.subtaskIndex(),
                String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause)));
        coordinator.failPending(message);
        OptionalLong delay = restartBackoff.onFailure(lastFailureMillis);
        boolean global = region < 0 || config.failover() == FailoverStrategy.FULL || finalCheckpointRequested;
        if (delay.isEmpty()) {
            status = JobStatus.FAILING;
            cancelDeployment();
            coordinator.stop("job failed");
            end(JobStatus.FAILED, message);
            return;
        }
        lastRestartDelay = delay.getAsLong();
        nextRestartAtMillis = lastFailureMillis + lastRestartDelay;
        if (global) {
            status = JobStatus.FAILING;
            cancelDeployment();
            status = JobStatus.RESTARTING;
            control.schedule(this::restartAll, lastRestartDelay);
        } else {
            restartingRegions.add(region);
            ExecutionGraph failed = deployment.graph(region);
            try {
                failed.cancelAndJoin(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            control.schedule(() -> restartRegion(region, failed), lastRestartDelay);
        }
    }

    /**
     * The state a failure would restore now: the latest completed checkpoint, or the savepoint the job started from
     * ({@code null} before either). Any thread.
     */
    public CompletedCheckpoint latestRestorePoint() {
        return restorePoint();
    }

    /** The checkpoint to restore from: the latest completed one, or the savepoint the job started from. */
    private CompletedCheckpoint restorePoint() {
        return coordinator.latestCompleted().orElse(restoredFrom);
    }

    /** Full failover: every task restarts from the restore point. */
    private void restartAll() {
        if (status != JobStatus.RESTARTING) {
            return;
        }
        CompletedCheckpoint latest = restorePoint();
        long restoredId = latest == null ? 0 : latest.id();
        // Abort the transactions pre-committed for checkpoints that never completed.
        for (SinkOutput out : sinkStore.outputs().values()) {
            out.abortPreparedAfter(restoredId);
        }
        carryCounts(deployment.operatorCounts());
        restartingRegions.clear();
        recordRestart(restoredId);
        deploy(latest);
    }

    /** Region failover: the failed region's tasks restart from the restore point; the other regions go on. */
    private void restartRegion(int region, ExecutionGraph failed) {
        if (status != JobStatus.RUNNING || deployment.graph(region) != failed) {
            return;
        }
        CompletedCheckpoint latest = restorePoint();
        long restoredId = latest == null ? 0 : latest.id();
        PipelineSpec regionPipeline = deployment.regionPipeline(region);
        for (Map.Entry<String, SinkOutput> e : sinkStore.outputs().entrySet()) {
            if (regionPipeline.operator(e.getKey()).isPresent()) {
                e.getValue().abortPreparedAfter(restoredId);
            }
        }
        carryCounts(failed.operatorCounts());
        endOfData.removeAll(failed.tasks());
        finished.removeAll(failed.tasks());
        ExecutionGraph replacement = buildRegion(regionPipeline, latest);
        synchronized (countsOfEndedAttempts) {
            deployment.replace(region, replacement);
        }
        restartingRegions.remove(region);
        recordRestart(restoredId);
        for (PlannedFailure f : plannedRecordFailures()) {
            replacement.failAtRecords(f.operatorId(), f.subtask(), f.atRecords(), recordFailure(f));
        }
        replacement.start();
    }

    private void recordRestart(long restoredId) {
        attempt++;
        restarts++;
        if (restartingRegions.isEmpty()) {
            nextRestartAtMillis = -1;
        }
        restartEvents.add(new RestartEvent(lastFailureMillis, System.currentTimeMillis(), restoredId,
                lastRestartDelay));
    }

    private void cancelDeployment() {
        try {
            deployment.cancelAndJoin(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the record counts of the attempt that ends, so totals span restarts. Before a new deployment. */
    private void carryCounts(Map<String, long[]> ended) {
        synchronized (countsOfEndedAttempts) {
            for (Map.Entry<String, long[]> e : ended.entrySet()) {
                long[] sum = countsOfEndedAttempts.computeIfAbsent(e.getKey(), k -> new long[2]);
                sum[0] += e.getValue()[0];
                sum[1] += e.getValue()[1];
            }
        }
    }

    private void onEndOfData(Task task) {
        endOfData.add(task);
        allInputsEnded();
    }

    /** Once every task reached the end of its input: the final checkpoint, or the savepoint of a drain. */
    private void allInputsEnded() {
        if (endOfData.size() < deployment.tasks().size() || finalCheckpointRequested
                || !restartingRegions.isEmpty()) {
            return;
        }
        if (stopping != null && !stopping.drain) {
            return; // the stop's savepoint decides: the job finishes with it, or goes on to its final checkpoint
        }
        finalCheckpointRequested = true;
        if (stopping != null) {
            takeStopSavepoint(stopping, org.checkpointlab.model.runtime.SnapshotType.TERMINATE);
            return;
        }
        finishBoundedJob();
    }

    private void finishBoundedJob() {
        if (!coordinator.options().periodic()) {
            deployment.requestFinish();
            return;
        }
        triggerFinalCheckpoint(deployment);
    }

    /** The final checkpoint of a bounded job commits everything; the sources finish once it completed. */
    private void triggerFinalCheckpoint(Deployment d) {
        coordinator.triggerFinal().whenComplete((stats, error) -> control.execute(() -> {
            if (deployment != d || status != JobStatus.RUNNING) {
                return;
            }
            if (error == null && stats.status() == CheckpointStatus.COMPLETED) {
                d.requestFinish();
            } else {
                control.schedule(() -> triggerFinalCheckpoint(d), 50);
            }
        }));
    }

    private void onTaskFinished(Task task) {
        finished.add(task);
        if (finished.size() == deployment.tasks().size()) {
            coordinator.stop("job finished");
            end(JobStatus.FINISHED, null);
        }
    }

    private void end(JobStatus finalStatus, String cause) {
        endNanos = System.nanoTime();
        awaitAsyncSnapshots();
        coordinator.jobTerminated(finalStatus == JobStatus.CANCELED);
        failureCause = cause;
        status = finalStatus;
        if (deployment != null) {
            deployment.sampleTimes();
        }
        // After the retention decision (queued on this thread by jobTerminated) and every file operation it
        // caused: when awaitTermination returns, the checkpoint directory is settled.
        control.execute(() -> {
            checkpointFiles.shutdown();
            try {
                checkpointFiles.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            termination.complete(finalStatus);
            control.schedule(control::close, 100);
        });
    }

    /**
     * Lets the async phases still writing state files finish before retention settles the checkpoint directory:
     * a checkpoint aborted by the job's end may still be writing, and a file landing after the clean-up would leave
     * a {@code chk-N} without metadata that looks like a retained checkpoint.
     */
    private void awaitAsyncSnapshots() {
        asyncExecutor.shutdown();
        try {
            if (!asyncExecutor.awaitTermination(10, TimeUnit.SECONDS)) {
                failures.add(new FailureEvent(System.currentTimeMillis(), null, -1,
                        "async snapshots still running 10 s after the job ended; their files may be left over"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Task events, handed to the control thread; events of tasks of an earlier attempt are dropped. */
    private final class Listener implements TaskListener {
        @Override
        public void taskFailed(Task task, Throwable cause) {
            control.execute(() -> {
                if (deployment.regionOf(task) >= 0) {
                    onFailure(task, cause);
                }
            });
        }

        @Override
        public void taskFinished(Task task) {
            control.execute(() -> {
                if (deployment.regionOf(task) >= 0) {
                    onTaskFinished(task);
                }
            });
        }

        @Override
        public void endOfDataReached(Task task) {
            control.execute(() -> {
                if (deployment.regionOf(task) >= 0) {
                    onEndOfData(task);
                }
            });
        }

        @Override
        public void acknowledgeCheckpoint(Task task, long checkpointId, TaskStateSnapshot state,
                                          SubtaskCheckpointStats stats) {
            coordinator.acknowledge(ExecutionGraph.taskKey(task), checkpointId, state, stats);
        }

        @Override
        public void declineCheckpoint(Task task, long checkpointId, String reason) {
            coordinator.decline(ExecutionGraph.taskKey(task), checkpointId, reason);
        }
    }

    /** What the coordinator asks of the job; runs on the control thread. */
    private final class Coordination implements CoordinatorContext {
        @Override
        public String cannotTriggerBecause() {
            if (status != JobStatus.RUNNING) {
                return "the job is " + status;
            }
            for (Task t : deployment.tasks()) {
                if (t.status() != org.checkpointlab.model.runtime.SubtaskStatus.RUNNING) {
                    return "not every task is running (" + t.taskName() + " #" + t.subtaskIndex() + " is "
                            + t.status() + ")";
                }
            }
            return null;
        }

        @Override
        public Set<String> tasksToAcknowledge() {
            Set<String> keys = new HashSet<>();
            for (Task t : deployment.tasks()) {
                keys.add(ExecutionGraph.taskKey(t));
            }
            return keys;
        }

        @Override
        public void triggerSources(CheckpointBarrier barrier) {
            deployment.triggerSources(barrier);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            deployment.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void abortCheckpoint(long checkpointId) {
            deployment.abortCheckpoint(checkpointId);
        }

        @Override
        public void checkpointCompleted(CompletedCheckpoint checkpoint) {
            CheckpointOptions o = coordinator.options();
            if (o.directory() != null && o.retention() != Retention.NONE) {
                checkpointFiles.execute(() -> {
                    try {
                        SavepointWriter.writeRetainedMetadata(checkpoint, pipeline,
                                o.directory().resolve("chk-" + checkpoint.id()));
                    } catch (SavepointException e) {
                        failures.add(new FailureEvent(System.currentTimeMillis(), null, -1, e.getMessage()));
                    }
                });
            }
        }

        @Override
        public void storageSettled(Set<Long> kept) {
            Path dir = coordinator.options().directory();
            if (dir == null) {
                return;
            }
            checkpointFiles.execute(() -> {
                try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(dir)) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        boolean stale = name.startsWith("chk-") && !kept.contains(parseId(name.substring(4)));
                        if (stale) {
                            deleteRecursively(entry);
                        } else if (name.equals("shared")) {
                            deleteIfEmpty(entry); // this job's unused files are gone; others' are not ours
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // nothing to clean up
                }
            });
        }

        private long parseId(String id) {
            try {
                return Long.parseLong(id);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        @Override
        public void sharedStateUnusedBefore(long lowestCheckpointId) {
            checkpointFiles.execute(() -> backends.discardSharedStateBefore(lowestCheckpointId));
        }

        @Override
        public void checkpointDiscarded(CompletedCheckpoint checkpoint) {
            Path dir = coordinator.options().directory();
            if (dir != null) {
                checkpointFiles.execute(() -> deleteRecursively(dir.resolve("chk-" + checkpoint.id())));
            }
        }

        @Override
        public void failJob(String cause) {
            onFailure(null, new IllegalStateException(cause));
        }
    }

    /** Job-wide settings tasks read; speed may change while the job runs. */
    private static final class RuntimeSettings implements RuntimeContext {
        private final OperatorFactory factory;
        private final long bufferTimeoutNanos;
        private final boolean checkpointing;
        private volatile double speed = 1.0;
        private volatile boolean paused;
        private final AtomicBoolean stepping = new AtomicBoolean();
        private volatile String lastStepEvent;
        private final boolean lowPrioritySubtasks;

        RuntimeSettings(OperatorFactory factory, RuntimeOptions options, boolean checkpointing) {
            this.factory = factory;
            this.bufferTimeoutNanos = options.bufferTimeout().toNanos();
            this.checkpointing = checkpointing;
            this.lowPrioritySubtasks = options.lowPrioritySubtasks();
        }

        @Override
        public boolean lowPrioritySubtasks() {
            return lowPrioritySubtasks;
        }

        @Override
        public OperatorFactory operatorFactory() {
            return factory;
        }

        @Override
        public long bufferTimeoutNanos() {
            return bufferTimeoutNanos;
        }

        @Override
        public boolean checkpointingEnabled() {
            return checkpointing;
        }

        @Override
        public double speed() {
            return speed;
        }

        @Override
        public boolean paused() {
            return paused;
        }

        @Override
        public boolean stepping() {
            return stepping.get();
        }

        /** The first barrier event of a step pauses the job; the others of the same moment change nothing. */
        @Override
        public void barrierEvent(String what) {
            if (stepping.compareAndSet(true, false)) {
                lastStepEvent = what;
                paused = true;
            }
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (java.util.stream.Stream<Path> left = java.nio.file.Files.list(dir)) {
            if (left.allMatch(p -> p.getFileName().toString().endsWith(".inprogress"))) {
                deleteRecursively(dir);
            }
        } catch (java.io.IOException ignored) {
            // best effort
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!java.nio.file.Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    java.nio.file.Files.deleteIfExists(p);
                } catch (java.io.IOException ignored) {
                    // best effort: a leftover of a discarded checkpoint is harmless
                }
            });
        } catch (java.io.IOException ignored) {
            // best effort
        }
    }

    /** The exception thrown in a subtask by failure injection. */
    public static final class InjectedFailure extends RuntimeException {
        public InjectedFailure(String message) {
            super(message);
        }
    }
}
