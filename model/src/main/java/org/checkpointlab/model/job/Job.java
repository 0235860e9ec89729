package org.checkpointlab.model.job;

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

import org.checkpointlab.model.checkpoint.CheckpointCoordinator;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.checkpoint.CompletedCheckpoint;
import org.checkpointlab.model.checkpoint.CoordinatorContext;
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

    // ---- control thread only -------------------------------------------------------------------------------------
    private final Set<Task> endOfData = new HashSet<>();
    private final Set<Task> finished = new HashSet<>();
    private final Map<String, long[]> countsOfEndedAttempts = new LinkedHashMap<>();
    private boolean finalCheckpointRequested;
    private long lastRestartDelay;

    // ---- read by any thread ------------------------------------------------------------------------------------------
    private volatile ExecutionGraph graph;
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

    private Job(JobConfig config, PipelineSpec pipeline, JobSetup setup) {
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
        this.runtime = new RuntimeSettings(new Operators(), config.runtimeOptions().bufferTimeout().toNanos(),
                options.periodic());
        this.coordinator = new CheckpointCoordinator(options, control, new Coordination());
        this.restartBackoff = new RestartBackoff(config.effectiveRestartStrategy());
    }

    /** Validates the pipeline of {@code config}, deploys its tasks and starts them. */
    public static Job start(JobConfig config) throws PipelineException {
        JobSetup setup = JobSetup.of(config);
        Job job = new Job(config, setup.pipeline(), setup);
        job.deploy(null);
        job.coordinator.start();
        job.control.schedule(job::sample, SAMPLE_INTERVAL_MILLIS);
        return job;
    }

    private void deploy(CompletedCheckpoint restore) {
        ExecutionGraph g = ExecutionGraph.build(pipeline, setup::params, setup.keyedOperators(),
                new ExecutionGraph.Environment(new Listener(), asyncExecutor, storage,
                        backends, sinkStore, runtime, config.runtimeOptions().bufferSize(),
                        config.runtimeOptions().buffersPerChannel()), restore);
        endOfData.clear();
        finished.clear();
        finalCheckpointRequested = false;
        graph = g;
        status = JobStatus.RUNNING;
        g.start();
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
        ExecutionGraph g = graph;
        return new JobSnapshot(System.nanoTime(), status, attempt, g.subtaskSnapshots(), g.channelSnapshots(),
                coordinator.history(), failures, restartEvents, nextRestartAtMillis, runtime.paused,
                runtime.speed);
    }

    /** Triggers a checkpoint now; completes with its final statistics (completed or failed). */
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return coordinator.trigger();
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

    /** Pauses processing (checkpoint triggers, failures and cancellation still work) or resumes it. */
    public void setPaused(boolean paused) {
        runtime.paused = paused;
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
        return graph.injectFailure(operatorId, subtask,
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
            ExecutionGraph g = graph;
            if (status == JobStatus.RUNNING && g.tasks().stream()
                    .allMatch(t -> t.status() == org.checkpointlab.model.runtime.SubtaskStatus.RUNNING)) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
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
                cancelGraph();
                end(JobStatus.CANCELED, null);
            }
        });
    }

    /** Totals so far (or final, once terminated). */
    public JobSummary summary() {
        ExecutionGraph g = graph;
        Map<String, long[]> counts = new LinkedHashMap<>();
        synchronized (countsOfEndedAttempts) {
            for (Map.Entry<String, long[]> e : g.operatorCounts().entrySet()) {
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
        int completed = (int) history.stream().filter(s -> s.status() == CheckpointStatus.COMPLETED).count();
        int failed = (int) history.stream().filter(s -> s.status() == CheckpointStatus.FAILED).count();
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
        graph.sampleTimes();
        control.schedule(this::sample, SAMPLE_INTERVAL_MILLIS);
    }

    private void onTaskFailed(Task task, Throwable cause) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        status = JobStatus.FAILING;
        String message = task.taskName() + " #" + task.subtaskIndex() + " failed: " + cause;
        lastFailureMillis = System.currentTimeMillis();
        failures.add(new FailureEvent(lastFailureMillis, task.headOperatorId(), task.subtaskIndex(),
                String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause)));
        coordinator.failPending(message);
        cancelGraph();
        OptionalLong delay = restartBackoff.onFailure(System.currentTimeMillis());
        if (delay.isEmpty()) {
            coordinator.stop("job failed");
            end(JobStatus.FAILED, message);
            return;
        }
        status = JobStatus.RESTARTING;
        lastRestartDelay = delay.getAsLong();
        nextRestartAtMillis = System.currentTimeMillis() + lastRestartDelay;
        control.schedule(this::restart, lastRestartDelay);
    }

    private void restart() {
        if (status != JobStatus.RESTARTING) {
            return;
        }
        CompletedCheckpoint latest = coordinator.latestCompleted().orElse(null);
        long restoredId = latest == null ? 0 : latest.id();
        // Abort the transactions pre-committed for checkpoints that never completed.
        for (SinkOutput out : sinkStore.outputs().values()) {
            out.abortPreparedAfter(restoredId);
        }
        attempt++;
        restarts++;
        nextRestartAtMillis = -1;
        restartEvents.add(new RestartEvent(lastFailureMillis, System.currentTimeMillis(), restoredId,
                lastRestartDelay));
        deploy(latest);
    }

    private void cancelGraph() {
        ExecutionGraph g = graph;
        try {
            g.cancelAndJoin(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (countsOfEndedAttempts) {
            for (Map.Entry<String, long[]> e : g.operatorCounts().entrySet()) {
                long[] sum = countsOfEndedAttempts.computeIfAbsent(e.getKey(), k -> new long[2]);
                sum[0] += e.getValue()[0];
                sum[1] += e.getValue()[1];
            }
        }
    }

    private void onEndOfData(Task task) {
        endOfData.add(task);
        if (endOfData.size() < graph.tasks().size() || finalCheckpointRequested) {
            return;
        }
        finalCheckpointRequested = true;
        if (!coordinator.options().periodic()) {
            graph.requestFinish();
            return;
        }
        triggerFinalCheckpoint(graph);
    }

    /** The final checkpoint of a bounded job commits everything; the sources finish once it completed. */
    private void triggerFinalCheckpoint(ExecutionGraph g) {
        coordinator.triggerFinal().whenComplete((stats, error) -> control.execute(() -> {
            if (graph != g || status != JobStatus.RUNNING) {
                return;
            }
            if (error == null && stats.status() == CheckpointStatus.COMPLETED) {
                g.requestFinish();
            } else {
                control.schedule(() -> triggerFinalCheckpoint(g), 50);
            }
        }));
    }

    private void onTaskFinished(Task task) {
        finished.add(task);
        if (finished.size() == graph.tasks().size()) {
            coordinator.stop("job finished");
            end(JobStatus.FINISHED, null);
        }
    }

    private void end(JobStatus finalStatus, String cause) {
        endNanos = System.nanoTime();
        coordinator.jobTerminated(finalStatus == JobStatus.CANCELED);
        failureCause = cause;
        status = finalStatus;
        if (graph != null) {
            graph.sampleTimes();
        }
        asyncExecutor.shutdown();
        termination.complete(finalStatus);
        control.schedule(control::close, 100);
    }

    /** Task events, handed to the control thread; events of tasks of an earlier attempt are dropped. */
    private final class Listener implements TaskListener {
        @Override
        public void taskFailed(Task task, Throwable cause) {
            control.execute(() -> {
                if (graph.tasks().contains(task)) {
                    onTaskFailed(task, cause);
                }
            });
        }

        @Override
        public void taskFinished(Task task) {
            control.execute(() -> {
                if (graph.tasks().contains(task)) {
                    onTaskFinished(task);
                }
            });
        }

        @Override
        public void endOfDataReached(Task task) {
            control.execute(() -> {
                if (graph.tasks().contains(task)) {
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
            for (Task t : graph.tasks()) {
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
            for (Task t : graph.tasks()) {
                keys.add(ExecutionGraph.taskKey(t));
            }
            return keys;
        }

        @Override
        public void triggerSources(CheckpointBarrier barrier) {
            for (Task t : graph.sourceTasks()) {
                graph.triggerCheckpoint(t, barrier);
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            graph.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void abortCheckpoint(long checkpointId) {
            graph.abortCheckpoint(checkpointId);
        }

        @Override
        public void failJob(String cause) {
            ExecutionGraph g = graph;
            if (!g.tasks().isEmpty()) {
                Task any = g.tasks().get(0);
                onTaskFailed(any, new IllegalStateException(cause));
            }
        }
    }

    /** Job-wide settings tasks read; speed may change while the job runs. */
    private static final class RuntimeSettings implements RuntimeContext {
        private final OperatorFactory factory;
        private final long bufferTimeoutNanos;
        private final boolean checkpointing;
        private volatile double speed = 1.0;
        private volatile boolean paused;

        RuntimeSettings(OperatorFactory factory, long bufferTimeoutNanos, boolean checkpointing) {
            this.factory = factory;
            this.bufferTimeoutNanos = bufferTimeoutNanos;
            this.checkpointing = checkpointing;
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
    }

    /** The exception thrown in a subtask by failure injection. */
    public static final class InjectedFailure extends RuntimeException {
        public InjectedFailure(String message) {
            super(message);
        }
    }
}
