package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobSummary;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * A job client without an engine, for view tests: the test sets what the job shows ({@link #status},
 * {@link #failures}, {@link #restarts}, {@link #subtasks}, {@link #nextRestartAtMillis}) and reads what it was told
 * ({@link #commands}). Each {@link #snapshot()} is a new immutable record of the fields at that moment.
 */
public final class FakeJobClient implements JobClient {
    private final JobConfig config;
    private volatile PipelineSpec pipeline;
    private final Set<Capability> capabilities;
    public volatile JobStatus status = JobStatus.RUNNING;
    public final List<FailureEvent> failures = new ArrayList<>();
    public final List<RestartEvent> restarts = new ArrayList<>();
    public final List<SubtaskSnapshot> subtasks = new ArrayList<>();
    public final List<CheckpointStats> checkpoints = new ArrayList<>();
    public long nextRestartAtMillis = -1;
    /** What {@link #sinkOutputs} returns. */
    public final List<org.checkpointlab.model.observe.SinkOutputSnapshot> sinkOutputs = new ArrayList<>();
    /** What {@link #checkDelivery} returns; each call is recorded in {@link #commands} as "check delivery". */
    public final List<org.checkpointlab.model.job.DeliveryCheck.SinkDelivery> delivery = new ArrayList<>();
    /** What the job was told, in order: "speed 0.5", "paused true", "fail count#1", "cancel", "options ...". */
    public final List<String> commands = new ArrayList<>();
    /** The savepoints this job wrote, oldest first. */
    public final List<SavepointResult> savepoints = new ArrayList<>();
    /** What {@link #taskSlots()} answers. */
    public volatile org.checkpointlab.model.client.TaskSlots taskSlots =
            org.checkpointlab.model.client.TaskSlots.UNKNOWN;
    /** When set, {@link #rescaleInPlace} fails with it (the engine refused). */
    public volatile RuntimeException rescaleRefusal;
    private CheckpointOptions options;
    private boolean paused;
    private double speed = 1;

    /** A job of {@code config} whose pipeline as run has the config's parallelism overrides applied. */
    public FakeJobClient(JobConfig config, Set<Capability> capabilities) {
        this.config = config;
        this.pipeline = config.parallelism() == null || config.parallelism().isEmpty() ? config.pipeline()
                : rescaled(config.pipeline(), config.parallelism());
        this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        this.options = config.checkpointOptions();
    }

    /** A fake of a local engine: every capability. */
    public static FakeJobClient of(PipelineSpec pipeline) {
        return new FakeJobClient(JobConfig.of(pipeline), EnumSet.allOf(Capability.class));
    }

    @Override public Set<Capability> capabilities() { return capabilities; }
    @Override public JobConfig config() { return config; }
    @Override public PipelineSpec pipeline() { return pipeline; }
    @Override public JobStatus status() { return status; }

    @Override
    public JobSnapshot snapshot() {
        return new JobSnapshot(System.nanoTime(), status, restarts.size(), subtasks, List.of(), checkpoints,
                failures, restarts, nextRestartAtMillis, paused, speed);
    }

    @Override
    public JobSummary summary() {
        return new JobSummary(status, 1000, 0, 0, List.of(), 0, 0, List.of(), restarts.size(), List.of(), null);
    }

    @Override public CheckpointOptions checkpointOptions() { return options; }
    @Override public CompletableFuture<CheckpointStats> triggerCheckpoint() { return new CompletableFuture<>(); }

    @Override
    public CompletableFuture<SavepointResult> triggerSavepoint(Path directory) {
        commands.add("savepoint " + directory.getFileName());
        SavepointResult written = new SavepointResult(directory, 1, 100, 5);
        savepoints.add(written);
        return CompletableFuture.completedFuture(written);
    }

    @Override
    public CompletableFuture<SavepointResult> stopWithSavepoint(Path directory, boolean drain) {
        commands.add("stop with savepoint " + (drain ? "and drain " : "") + directory.getFileName());
        status = JobStatus.FINISHED;
        SavepointResult written = new SavepointResult(directory, 1, 100, 5);
        savepoints.add(written);
        return CompletableFuture.completedFuture(written);
    }

    @Override public List<SavepointResult> savepoints() { return List.copyOf(savepoints); }

    @Override
    public void cancel() {
        commands.add("cancel");
        if (!status.isTerminal()) {
            status = JobStatus.CANCELED;
        }
    }

    @Override public boolean awaitTermination(Duration timeout) { return status.isTerminal(); }
    @Override public boolean awaitRunning(Duration timeout) { return status == JobStatus.RUNNING; }

    @Override
    public void updateCheckpointOptions(CheckpointOptions options) {
        require(Capability.LIVE_CHECKPOINT_OPTIONS);
        commands.add("options unaligned=" + options.unaligned() + " interval=" + options.interval());
        this.options = options;
    }

    @Override
    public void setSpeed(double speed) {
        require(Capability.SLOW_MOTION);
        commands.add("speed " + speed);
        this.speed = speed;
    }

    @Override public double speed() { return speed; }

    @Override
    public void setPaused(boolean paused) {
        require(Capability.PAUSE_AND_STEP);
        commands.add("paused " + paused);
        this.paused = paused;
    }

    @Override public boolean isPaused() { return paused; }

    @Override
    public boolean stepToNextBarrierEvent() {
        require(Capability.PAUSE_AND_STEP);
        commands.add("step");
        return paused;
    }

    @Override
    public boolean injectFailure(String operatorId, int subtask) {
        require(Capability.FAILURE_INJECTION);
        commands.add("fail " + operatorId + "#" + subtask);
        return true;
    }

    @Override
    public List<org.checkpointlab.model.observe.SinkOutputSnapshot> sinkOutputs(int recentRecords) {
        require(Capability.SINK_OUTPUT);
        return List.copyOf(sinkOutputs);
    }

    @Override
    public List<org.checkpointlab.model.job.DeliveryCheck.SinkDelivery> checkDelivery() {
        require(Capability.DELIVERY_CHECK);
        commands.add("check delivery");
        return List.copyOf(delivery);
    }

    @Override
    public CompletableFuture<Void> rescaleInPlace(Map<String, Integer> parallelism) {
        require(Capability.RESCALE_IN_PLACE);
        commands.add("rescale in place " + new java.util.TreeMap<>(parallelism));
        return rescaleRefusal != null ? CompletableFuture.failedFuture(rescaleRefusal)
                : CompletableFuture.completedFuture(null);
    }

    /** The engine applied a rescale: the pipeline as run has {@code parallelism}. */
    public void rescaledTo(Map<String, Integer> parallelism) {
        pipeline = rescaled(pipeline, parallelism);
    }

    @Override
    public org.checkpointlab.model.client.TaskSlots taskSlots() {
        return taskSlots;
    }

    private void require(Capability capability) {
        if (!capabilities.contains(capability)) {
            throw new AssertionError("the session used " + capability + " on an engine that lacks it");
        }
    }

    /** Starts fakes: the test reads which configs it was asked for and the clients it made. */
    public static final class Launcher implements org.checkpointlab.model.client.JobLauncher {
        public final List<FakeJobClient> started = new ArrayList<>();
        private final Set<Capability> capabilities;

        public Launcher(Set<Capability> capabilities) {
            this.capabilities = capabilities;
        }

        public static Launcher everyCapability() {
            return new Launcher(EnumSet.allOf(Capability.class));
        }

        @Override
        public FakeJobClient start(JobConfig config) {
            FakeJobClient client = new FakeJobClient(config, capabilities);
            started.add(client);
            return client;
        }

        public FakeJobClient last() {
            return started.get(started.size() - 1);
        }
    }

    private static PipelineSpec rescaled(PipelineSpec p, Map<String, Integer> parallelism) {
        return new PipelineSpec(p.format(), p.name(), p.operators().stream()
                .map(o -> parallelism.containsKey(o.id()) ? o.withParallelism(parallelism.get(o.id())) : o)
                .toList(), p.edges(), p.checkpointing(), p.chaining());
    }
}
