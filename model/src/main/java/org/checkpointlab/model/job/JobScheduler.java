package org.checkpointlab.model.job;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.checkpointlab.model.checkpoint.CheckpointFailure;
import org.checkpointlab.model.checkpoint.CheckpointCoordinator;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.ScheduledTimerService;
import org.checkpointlab.model.checkpoint.SnapshotType;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.operators.Operators;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.model.runtime.CheckpointStorage;
import org.checkpointlab.model.runtime.DirectoryCheckpointStorage;
import org.checkpointlab.model.runtime.ExecutionGraph;
import org.checkpointlab.model.runtime.HeapStateBackendFactory;
import org.checkpointlab.model.runtime.MemoryCheckpointStorage;
import org.checkpointlab.model.runtime.SinkStore;
import org.checkpointlab.model.runtime.Task;
import org.checkpointlab.model.runtime.TaskCommand;
import org.checkpointlab.model.state.StateBackendFactory;
import org.checkpointlab.model.state.rocksdb.RocksDbStateBackendFactory;

/**
 * Runs one job (Flink's scheduler): deploys its tasks per pipelined region, hands failures to its {@link JobFailover}
 * (a region or every task restarts from the latest completed checkpoint, as the {@link ExecutionFailureHandler}
 * decides), finishes a bounded job with its final checkpoint, and ends the job. {@link Job} is its public face.
 *
 * <p>Threading: everything here runs on the job's control thread (the coordinator's timer thread), where
 * {@link TaskEvents} hands what tasks report. Fields marked volatile are read by any thread.
 */
final class JobScheduler {
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
    private final JobRuntimeSettings runtime;
    private final CompletableFuture<JobStatus> termination = new CompletableFuture<>();
    private final ExecutionFailureHandler failureHandler;
    /** Writes retained checkpoints' metadata and deletes discarded checkpoints, in order, off the control thread. */
    private final CheckpointCleaner cleaner;
    private final SavepointOperations savepoints;
    private final JobFailover failover;
    private final OperatorCounts counts = new OperatorCounts();
    private final CompletedCheckpoint restoredFrom;
    private final long startNanos = System.nanoTime();

    // ---- control thread only -------------------------------------------------------------------------------------
    private final Set<Task> endOfData = new HashSet<>();
    private final Set<Task> finished = new HashSet<>();
    private boolean finalCheckpointRequested;

    // ---- read by any thread ------------------------------------------------------------------------------------------
    /** The running tasks, per pipelined region. Replaced whole on a full restart; per region on a region restart. */
    private volatile Deployment deployment;
    private volatile JobStatus status = JobStatus.CREATED;
    private volatile String failureCause;
    private volatile long endNanos;

    JobScheduler(JobConfig config, JobSetup setup, CompletedCheckpoint restoredFrom) {
        this.config = config;
        this.pipeline = setup.pipeline();
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
        this.runtime = new JobRuntimeSettings(new Operators(), config.runtimeOptions(), options.periodic());
        this.failureHandler = new ExecutionFailureHandler(config.effectiveRestartStrategy(), config.failover());
        this.cleaner = new CheckpointCleaner(message -> failureHandler.reportProblem(System.currentTimeMillis(),
                message));
        this.coordinator = new CheckpointCoordinator(options, control, new JobCheckpointContext(() -> status,
                () -> deployment, this::checkpointOptions, pipeline, backends, cleaner,
                cause -> onFailure(null, new IllegalStateException(cause.getMessage(), cause))));
        this.savepoints = new SavepointOperations(this);
        this.failover = new JobFailover(this);
        this.restoredFrom = restoredFrom;
    }

    /** Deploys the tasks (restored from the savepoint the job starts from, if any) and starts checkpointing. */
    void start() {
        if (restoredFrom != null) {
            coordinator.restoredFrom(restoredFrom);
        }
        deploy(restoredFrom);
        coordinator.start();
        control.schedule(this::sample, SAMPLE_INTERVAL_MILLIS);
    }

    /** Deploys every region, restored from {@code restore} if not null (at the start and on a full failover). */
    void deploy(CompletedCheckpoint restore) {
        Deployment d = new Deployment(Deployment.pipelinedRegions(pipeline));
        for (int r = 0; r < d.regionCount(); r++) {
            d.replace(r, buildRegion(d.regionPipeline(r), restore));
        }
        endOfData.clear();
        finished.clear();
        finalCheckpointRequested = false;
        counts.swapAttempt(() -> deployment = d);
        status = JobStatus.RUNNING;
        // Record-count failures are armed before any task starts, so none can finish before its trigger.
        for (PlannedFailure f : plannedRecordFailures()) {
            d.sendTo(f.operatorId(), f.subtask(), TaskCommand.failAtRecords(f.atRecords(), recordFailure(f)));
        }
        d.start();
    }

    /** The record-count failures planned for the current attempt. */
    private List<PlannedFailure> plannedRecordFailures() {
        int attempt = failover.attempt();
        return config.plannedFailures().stream().filter(f -> f.atRecords() != null && f.attempt() == attempt)
                .toList();
    }

    static Job.InjectedFailure recordFailure(PlannedFailure f) {
        return new Job.InjectedFailure(org.checkpointlab.model.observe.FailureCause.of(
                org.checkpointlab.model.observe.FailureCause.Kind.INJECTED_AT_RECORD, f.operatorId(), f.subtask(),
                f.atRecords(), f.attempt()));
    }

    /**
     * Region failover, once the failed region's tasks ended: its tasks are replaced by new ones restored from
     * {@code restore}, not started yet (see {@link #startRegion}).
     */
    ExecutionGraph redeployRegion(int region, ExecutionGraph failed, CompletedCheckpoint restore) {
        endOfData.removeAll(failed.tasks());
        finished.removeAll(failed.tasks());
        ExecutionGraph replacement = buildRegion(deployment.regionPipeline(region), restore);
        counts.swapAttempt(() -> deployment.replace(region, replacement));
        return replacement;
    }

    /** Starts a redeployed region's tasks, with the record-count failures planned for the current attempt. */
    void startRegion(ExecutionGraph replacement) {
        for (PlannedFailure f : plannedRecordFailures()) {
            replacement.sendTo(f.operatorId(), f.subtask(), TaskCommand.failAtRecords(f.atRecords(),
                    recordFailure(f)));
        }
        replacement.start();
    }

    private ExecutionGraph buildRegion(PipelineSpec region, CompletedCheckpoint restore) {
        return ExecutionGraph.build(region, setup::params, setup.keyedOperators(),
                new ExecutionGraph.Environment(new TaskEvents(this), asyncExecutor, storage,
                        backends, sinkStore, runtime, config.runtimeOptions().bufferSize(),
                        config.runtimeOptions().buffersPerChannel()), restore);
    }

    // ---- read by any thread -------------------------------------------------------------------------------------------

    JobStatus status() {
        return status;
    }

    int attempt() {
        return failover.attempt();
    }

    int restarts() {
        return failover.restarts();
    }

    String failureCause() {
        return failureCause;
    }

    Deployment deployment() {
        return deployment;
    }

    /** Whether every region runs: none is waiting for its restart. */
    boolean allRegionsRunning() {
        return failover.allRegionsRunning();
    }

    /** Milliseconds since the job started, until it ended (at least 1). */
    long durationMillis() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        return Math.max(1, (end - startNanos) / 1_000_000);
    }

    CheckpointCoordinator coordinator() {
        return coordinator;
    }

    CheckpointOptions checkpointOptions() {
        return coordinator.options();
    }

    JobRuntimeSettings runtime() {
        return runtime;
    }

    ExecutionFailureHandler failureHandler() {
        return failureHandler;
    }

    SavepointOperations savepoints() {
        return savepoints;
    }

    OperatorCounts counts() {
        return counts;
    }

    SinkStore sinkStore() {
        return sinkStore;
    }

    PipelineSpec pipeline() {
        return pipeline;
    }

    ScheduledTimerService control() {
        return control;
    }

    CompletableFuture<JobStatus> termination() {
        return termination;
    }

    // ---- control thread ---------------------------------------------------------------------------------------------

    /** The job's status changes on a failure (FAILING, RESTARTING); control thread. */
    void transitionTo(JobStatus next) {
        status = next;
    }

    boolean finalCheckpointRequested() {
        return finalCheckpointRequested;
    }

    private void sample() {
        if (status.isTerminal()) {
            return;
        }
        deployment.sampleTimes();
        control.schedule(this::sample, SAMPLE_INTERVAL_MILLIS);
    }

    /** Cancels every task; the job ends CANCELED. Any thread. */
    void cancel() {
        control.execute(() -> {
            if (!status.isTerminal()) {
                coordinator.stop(CheckpointFailure.of(CheckpointFailure.Reason.JOB_CANCELED));
                cancelDeployment();
                end(JobStatus.CANCELED, null);
            }
        });
    }

    /** A task failed ({@code task} null: a job-level failure): {@link JobFailover#onFailure} handles it. */
    void onFailure(Task task, Throwable cause) {
        failover.onFailure(task, cause);
    }

    /** The checkpoint to restore from: the latest completed one, or the savepoint the job started from. */
    /** The id of the savepoint the job started from, or -1 (none, or a retained checkpoint). */
    long startSavepointId() {
        return restoredFrom != null && restoredFrom.savepoint() ? restoredFrom.id() : -1;
    }

    CompletedCheckpoint restorePoint() {
        return coordinator.latestCompleted().orElse(restoredFrom);
    }

    void cancelDeployment() {
        try {
            deployment.cancelAndJoin(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void onEndOfData(Task task) {
        endOfData.add(task);
        allInputsEnded();
    }

    /** Once every task reached the end of its input: the final checkpoint, or the savepoint of a drain. */
    void allInputsEnded() {
        if (endOfData.size() < deployment.tasks().size() || finalCheckpointRequested
                || !failover.allRegionsRunning()) {
            return;
        }
        StopRequest stop = savepoints.pendingStop();
        if (stop != null && !stop.drain) {
            return; // the stop's savepoint decides: the job finishes with it, or goes on to its final checkpoint
        }
        finalCheckpointRequested = true;
        if (stop != null) {
            savepoints.takeStopSavepoint(stop, SnapshotType.TERMINATE);
            return;
        }
        finishBoundedJob();
    }

    void finishBoundedJob() {
        if (!coordinator.options().periodic()) {
            deployment.send(TaskCommand.finishSources());
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
                d.send(TaskCommand.finishSources());
            } else {
                control.schedule(() -> triggerFinalCheckpoint(d), 50);
            }
        }));
    }

    void onTaskFinished(Task task) {
        finished.add(task);
        if (finished.size() == deployment.tasks().size()) {
            coordinator.stop(CheckpointFailure.of(CheckpointFailure.Reason.JOB_FINISHED));
            end(JobStatus.FINISHED, null);
        }
    }

    void end(JobStatus finalStatus, String cause) {
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
            try {
                cleaner.closeAndAwait(10);
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
                failureHandler.reportProblem(System.currentTimeMillis(),
                        "async snapshots still running 10 s after the job ended; their files may be left over");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
