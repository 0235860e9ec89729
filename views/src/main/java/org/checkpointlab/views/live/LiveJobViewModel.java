package org.checkpointlab.views.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.JobStatus;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.observe.SubtaskSnapshot;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.EdgeSpec;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.OperatorSpec;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The running job as the window shows it, without any control. It starts, pauses, slows down and stops a job of
 * the open pipeline, triggers checkpoints and injects failures; once per frame {@link #refresh(long)} takes one
 * {@link JobSnapshot} from the engine and turns it into what the view draws: a {@link SubtaskState} per subtask
 * (keyed under every operator of its chain), the channels of each edge, the status strip's lines (job, checkpoint
 * progress, announcements, restart countdown and restore) and the exception history. Nothing here is pushed by
 * engine threads: the engine publishes immutable snapshots and this class polls them, so bursts of engine events
 * coalesce into one frame. Waiting for a cancelled job to end runs on the background executor.
 *
 * <p>FX thread only (tests call it from the thread that owns it).
 */
public final class LiveJobViewModel {
    /** Starts jobs; the app passes {@code Job::start}. */
    @FunctionalInterface
    public interface JobStarter {
        Job start(JobConfig config) throws PipelineException;
    }

    /** How the job line starts while a pipeline is loaded and no job of it has started. */
    public static final String READY = "Ready: press Run to start ";
    /** Buffers small enough to watch fill and drain: 32 records, 4 per channel, flushed after 20 ms. */
    public static final RuntimeOptions WATCHABLE_BUFFERS = new RuntimeOptions(32, 4, Duration.ofMillis(20), true);
    /** Slowest speed on offer: about one record per second per source, human speed. */
    public static final double MIN_SPEED = 0.001;
    /** How often the throughput figure is recomputed from the job summary. */
    static final long THROUGHPUT_PERIOD_NANOS = 500_000_000L;

    private final JobStarter starter;
    private final Executor background;
    private final RuntimeOptions runtimeOptions;
    private final LongSupplier wallClock;
    private final AckFlashDetector acks = new AckFlashDetector();
    private final CheckpointProgress progress = new CheckpointProgress();

    private final ReadOnlyObjectWrapper<PipelineSpec> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    private final ReadOnlyObjectWrapper<JobStatus> jobStatus = new ReadOnlyObjectWrapper<>(this, "jobStatus");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final ObjectProperty<BarrierMode> barrierMode = new SimpleObjectProperty<>(this, "barrierMode",
            BarrierMode.ALIGNED);
    private final BooleanProperty failToolArmed = new SimpleBooleanProperty(this, "failToolArmed");
    private final ReadOnlyStringWrapper jobLine = new ReadOnlyStringWrapper(this, "jobLine", "");
    private final ReadOnlyStringWrapper checkpointLine = new ReadOnlyStringWrapper(this, "checkpointLine", "");
    private final ReadOnlyStringWrapper announcement = new ReadOnlyStringWrapper(this, "announcement", "");
    private final ReadOnlyStringWrapper recoveryLine = new ReadOnlyStringWrapper(this, "recoveryLine", "");
    private final ReadOnlyObjectWrapper<SubtaskKey> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper selectedDetails = new ReadOnlyStringWrapper(this, "selectedDetails", "");
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper acksSeen = new ReadOnlyLongWrapper(this, "acksSeen");

    private Job job;
    private final List<java.util.function.Consumer<Job>> jobListeners = new java.util.ArrayList<>();
    private JobSnapshot snapshot;
    private Map<SubtaskKey, SubtaskState> subtasks = Map.of();
    private Map<String, List<ChannelSnapshot>> channelsByEdge = Map.of();
    private Set<String> chainedEdges = Set.of();
    private final Map<SubtaskKey, Long> ackedAtNanos = new HashMap<>();
    private final Set<String> expandedEdges = new HashSet<>();
    private long flashNanos = Duration.ofMillis(700).toNanos();
    private CompletableFuture<CheckpointStats> pendingTrigger;
    /** True while the paused property follows the engine, which must not be told back. */
    private boolean followingEngine;
    /** A step was started and its end not yet announced. */
    private boolean stepping;
    private int historyFailures = -1;
    private int historyRestarts = -1;
    private long lastThroughputNanos;
    private double throughput;
    private long snapshotErrors;

    /**
     * @param starter        starts a job ({@code Job::start})
     * @param background     runs waits on the engine off the FX thread ({@code Runnable::run} in tests)
     * @param runtimeOptions network buffers for jobs started here, e.g. {@link #WATCHABLE_BUFFERS}
     * @param wallClock      epoch ms now, for the restart countdown ({@code System::currentTimeMillis})
     */
    public LiveJobViewModel(JobStarter starter, Executor background, RuntimeOptions runtimeOptions,
                            LongSupplier wallClock) {
        this.starter = Objects.requireNonNull(starter, "starter");
        this.background = Objects.requireNonNull(background, "background");
        this.runtimeOptions = Objects.requireNonNull(runtimeOptions, "runtimeOptions");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        speed.addListener((obs, old, now) -> {
            if (job != null) {
                job.setSpeed(clampSpeed(now.doubleValue()));
            }
        });
        paused.addListener((obs, old, now) -> {
            if (job != null && !followingEngine) {
                job.setPaused(now);
            }
        });
        barrierMode.addListener((obs, old, now) -> applyBarrierMode(now));
    }

    /** The app's view model: real jobs with {@link #WATCHABLE_BUFFERS}, waits on a daemon thread. */
    public static LiveJobViewModel forApp() {
        Executor daemon = task -> {
            Thread t = new Thread(task, "live-job-wait");
            t.setDaemon(true);
            t.start();
        };
        return new LiveJobViewModel(Job::start, daemon, WATCHABLE_BUFFERS, System::currentTimeMillis);
    }

    // ---- properties -------------------------------------------------------------------------------------------

    /** The pipeline a job would run, or {@code null}. */
    public ReadOnlyObjectProperty<PipelineSpec> pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }

    /** The status of the last started job as of the last frame, or {@code null} before any. */
    public ReadOnlyObjectProperty<JobStatus> jobStatusProperty() {
        return jobStatus.getReadOnlyProperty();
    }

    /** True while a job is started and not yet terminal: Run is off, Stop, Pause, Checkpoint and Fail are on. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** Processing paused (checkpoints, failures and stopping still work). */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Slow motion, {@value #MIN_SPEED} (human speed) to 1 (full speed); applies to the running job at once. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Aligned, unaligned or at-least-once; a running job takes it from its next checkpoint on. */
    public ObjectProperty<BarrierMode> barrierModeProperty() {
        return barrierMode;
    }

    /** While armed, {@link #click(SubtaskKey)} injects a failure instead of selecting (then disarms). */
    public BooleanProperty failToolArmedProperty() {
        return failToolArmed;
    }

    /** "RUNNING, attempt 2, 41,200 records/s" and the like. */
    public ReadOnlyStringProperty jobLineProperty() {
        return jobLine.getReadOnlyProperty();
    }

    /** The checkpoint in progress ("Checkpoint 5: 3/8 acknowledged") or the latest one. */
    public ReadOnlyStringProperty checkpointLineProperty() {
        return checkpointLine.getReadOnlyProperty();
    }

    /** The latest announcement: a checkpoint completed or failed, a trigger refused, a failure injected. */
    public ReadOnlyStringProperty announcementProperty() {
        return announcement.getReadOnlyProperty();
    }

    /** The restart countdown while RESTARTING, the restore while restoring, then the last recovery. */
    public ReadOnlyStringProperty recoveryLineProperty() {
        return recoveryLine.getReadOnlyProperty();
    }

    /** The subtask whose details are shown, or {@code null}. */
    public ReadOnlyObjectProperty<SubtaskKey> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Metrics and state summary of the selected subtask, refreshed every frame. */
    public ReadOnlyStringProperty selectedDetailsProperty() {
        return selectedDetails.getReadOnlyProperty();
    }

    /** Counts frames; views redraw when it changes. */
    public ReadOnlyLongProperty frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** Acknowledgements seen so far (each flashes its subtask once). */
    public ReadOnlyLongProperty acksSeenProperty() {
        return acksSeen.getReadOnlyProperty();
    }

    /** The exception history: failures and recoveries, oldest first. */
    public ObservableList<HistoryEntry> history() {
        return FXCollections.unmodifiableObservableList(history);
    }

    /** The job of the last {@link #run()}, or {@code null}. */
    public Job job() {
        return job;
    }

    /** The last snapshot taken, or {@code null}. */
    public JobSnapshot snapshot() {
        return snapshot;
    }

    /** Frames skipped because the engine could not take a snapshot. */
    public long snapshotErrors() {
        return snapshotErrors;
    }

    /** How long a subtask box flashes after an ack; zero turns flashing off (tests). */
    public void setAckFlashDuration(Duration duration) {
        flashNanos = duration.toNanos();
    }

    // ---- what the view draws ----------------------------------------------------------------------------------

    /** The state of a subtask of an operator as of the last frame, or {@code null} when none is known. */
    public SubtaskState subtask(String operatorId, int subtaskIndex) {
        return subtasks.get(new SubtaskKey(operatorId, subtaskIndex));
    }

    /** The channels of the edge {@code from -> to} as of the last frame; empty if none (or chained). */
    public List<ChannelSnapshot> channels(String fromOperator, String toOperator) {
        return channelsByEdge.getOrDefault(edgeKey(fromOperator, toOperator), List.of());
    }

    /** Whether the edge runs inside one chain (records are handed over by a method call, no channels). */
    public boolean chained(String fromOperator, String toOperator) {
        return chainedEdges.contains(edgeKey(fromOperator, toOperator));
    }

    /** The rows the edge's channel panel draws now. */
    public List<ChannelRow> channelRows(String fromOperator, String toOperator) {
        return ChannelAggregation.rows(channels(fromOperator, toOperator), expanded(fromOperator, toOperator));
    }

    public boolean expanded(String fromOperator, String toOperator) {
        return expandedEdges.contains(edgeKey(fromOperator, toOperator));
    }

    /** Expands a summarised channel panel to one row per channel, or collapses it again. */
    public void toggleExpanded(String fromOperator, String toOperator) {
        String key = edgeKey(fromOperator, toOperator);
        if (!expandedEdges.remove(key)) {
            expandedEdges.add(key);
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /**
     * Shows a pipeline: stops the running job, if any, and resets everything to the file's settings; a pipeline the
     * running job already runs (the edits catching up with a rescale via savepoint) just becomes the one shown.
     */
    public void load(PipelineSpec spec) {
        if (spec != null && job != null && !job.status().isTerminal() && describesRunningJob(spec, job.pipeline())) {
            // The edits caught up with the running job (e.g. its parallelism after a rescale via savepoint).
            pipeline.set(spec);
            return;
        }
        stop();
        pipeline.set(spec);
        job = null;
        snapshot = null;
        subtasks = Map.of();
        channelsByEdge = Map.of();
        chainedEdges = Set.of();
        expandedEdges.clear();
        history.clear();
        selected.set(null);
        selectedDetails.set("");
        jobStatus.set(null);
        jobLine.set(spec == null ? "" : READY + spec.name());
        checkpointLine.set("");
        announcement.set("");
        recoveryLine.set("");
        if (spec != null) {
            barrierMode.set(BarrierMode.of(fileOptions(spec)));
        }
    }

    /**
     * Whether {@code spec} is the pipeline the job runs, except for what the job resolved on its own (max
     * parallelism left unset in the file, which a job fixes, or takes from the savepoint it restored).
     */
    static boolean describesRunningJob(PipelineSpec spec, PipelineSpec running) {
        if (spec.operators().size() != running.operators().size() || !spec.edges().equals(running.edges())
                || spec.chaining() != running.chaining() || !spec.checkpointing().equals(running.checkpointing())) {
            return false;
        }
        for (int i = 0; i < spec.operators().size(); i++) {
            OperatorSpec a = spec.operators().get(i);
            OperatorSpec b = running.operators().get(i);
            if (!a.id().equals(b.id()) || !a.kind().equals(b.kind()) || a.parallelism() != b.parallelism()
                    || !a.params().equals(b.params())
                    || (a.maxParallelism() != null && !a.maxParallelism().equals(b.maxParallelism()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts a job of the open pipeline with the chosen barrier mode, speed and pause.
     *
     * @return whether it started; if not, {@link #announcementProperty()} says why
     */
    public boolean run() {
        PipelineSpec spec = pipeline.get();
        if (spec == null || active.get()) {
            return false;
        }
        CheckpointOptions options;
        try {
            options = barrierMode.get().applyTo(fileOptions(spec)).validated();
        } catch (IllegalArgumentException e) {
            announcement.set("Cannot run: " + e.getMessage());
            return false;
        }
        JobConfig config = JobConfig.of(spec).withCheckpointOptions(options).withRuntimeOptions(runtimeOptions);
        Job started;
        try {
            started = starter.start(config);
        } catch (PipelineException e) {
            announcement.set("Cannot run: " + String.join("; ", e.problems()));
            return false;
        }
        show(started);
        announcement.set("Started " + spec.name() + " (" + barrierMode.get() + ")");
        for (java.util.function.Consumer<Job> listener : jobListeners) {
            listener.accept(started);
        }
        return true;
    }

    /** Called with every job this view model starts (so other panels can show the same job). */
    public void onJobStarted(java.util.function.Consumer<Job> listener) {
        jobListeners.add(listener);
    }

    /**
     * Shows a job started elsewhere, e.g. restored from a savepoint or redeployed with another state backend by the
     * checkpoint panels, as the running job.
     */
    public void adopt(Job other) {
        if (other == null || other == job) {
            return;
        }
        show(other);
        announcement.set("Showing " + other.pipeline().name()
                + (other.config().restore() != null ? " restored from " + other.config().restore().path() : ""));
    }

    private void show(Job started) {
        job = started;
        job.setSpeed(clampSpeed(speed.get()));
        job.setPaused(paused.get());
        acks.reset();
        progress.reset();
        ackedAtNanos.clear();
        history.clear();
        historyFailures = -1;
        historyRestarts = -1;
        throughput = 0;
        lastThroughputNanos = 0;
        active.set(true);
    }

    /** Cancels the running job; waiting for its end happens on the background executor. */
    public void stop() {
        Job running = job;
        if (running == null || !active.get()) {
            return;
        }
        running.cancel();
        active.set(false);
        announcement.set("Stopping " + running.pipeline().name());
        background.execute(() -> {
            try {
                running.awaitTermination(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Pauses or resumes processing. */
    public void togglePause() {
        paused.set(!paused.get());
    }

    /**
     * Single step: a paused job runs to its next barrier event (a source sends a barrier, a barrier reaches a
     * subtask) and pauses there; the event is announced on a later frame.
     */
    public void step() {
        if (job == null || !active.get()) {
            announcement.set("Run the job first: a step advances a paused job");
            return;
        }
        if (!paused.get() || !job.stepToNextBarrierEvent()) {
            announcement.set("Pause first: a step runs a paused job to its next barrier event");
            return;
        }
        stepping = true;
        announcement.set("Stepping to the next barrier event\u2026");
    }

    /** Triggers a checkpoint now; the outcome (or why it could not start) is announced on a later frame. */
    public void triggerCheckpoint() {
        if (job == null || !active.get()) {
            announcement.set("Run the job first: checkpoints are taken of a running job");
            return;
        }
        pendingTrigger = job.triggerCheckpoint();
        announcement.set("Checkpoint triggered by hand");
    }

    /**
     * Makes a subtask fail now (any operator of its chain).
     *
     * @return whether the engine had such a running subtask
     */
    public boolean injectFailure(SubtaskKey subtask) {
        if (job == null || !active.get()) {
            announcement.set("Run the job first: only a running subtask can fail");
            return false;
        }
        boolean injected = job.injectFailure(subtask.operatorId(), subtask.subtaskIndex());
        announcement.set(injected ? "Failure injected into " + subtask
                : subtask + " is not running, nothing to fail");
        return injected;
    }

    /** A click on a subtask box: fails it when the fail tool is armed (and disarms it), else selects it. */
    public void click(SubtaskKey subtask) {
        if (failToolArmed.get()) {
            failToolArmed.set(false);
            injectFailure(subtask);
        } else {
            select(subtask);
        }
    }

    /** Shows a subtask's details (or none with {@code null}). */
    public void select(SubtaskKey subtask) {
        selected.set(subtask);
        selectedDetails.set(details(subtask));
    }

    /**
     * Takes one snapshot from the engine and updates everything the view draws. Called once per frame.
     *
     * @param nowNanos the frame's time ({@code System.nanoTime()} scale), for ack flashes and throughput
     */
    public void refresh(long nowNanos) {
        if (job == null) {
            return;
        }
        JobSnapshot s;
        try {
            s = job.snapshot();
        } catch (RuntimeException e) {
            // The engine can fail to assemble a snapshot while tasks are being (re)deployed (seen: an NPE in
            // Task.recordCounts right after start). Keep the last frame; the next one will try again.
            snapshotErrors++;
            return;
        }
        snapshot = s;
        updateSubtasks(s, nowNanos);
        updateChannels(s);
        updateCheckpoints(s);
        updateHistory(s);
        updateJobLine(s, nowNanos);
        updateRecoveryLine(s);
        if (s.status().isTerminal() && active.get()) {
            active.set(false);
        }
        jobStatus.set(s.status());
        if (paused.get() != s.paused()) {
            // The engine paused or resumed on its own (a step): follow it without telling it again.
            followingEngine = true;
            try {
                paused.set(s.paused());
            } finally {
                followingEngine = false;
            }
        }
        if (stepping && !job.isStepping()) {
            stepping = false;
            String event = job.lastStepEvent();
            announcement.set(event == null ? "Step ended" : "Stepped to: " + event);
        }
        if (selected.get() != null) {
            selectedDetails.set(details(selected.get()));
        }
        frame.set(frame.get() + 1);
    }

    // ---- frame update -------------------------------------------------------------------------------------------

    private void updateSubtasks(JobSnapshot s, long nowNanos) {
        List<AckFlashDetector.Ack> fresh = acks.newAcks(s.checkpoints());
        for (AckFlashDetector.Ack ack : fresh) {
            ackedAtNanos.put(ack.subtask(), nowNanos);
        }
        acksSeen.set(acksSeen.get() + fresh.size());
        Map<SubtaskKey, SubtaskState> states = new HashMap<>();
        for (SubtaskSnapshot subtask : s.subtasks()) {
            SubtaskKey head = new SubtaskKey(subtask.operatorIds().get(0), subtask.subtaskIndex());
            Long ackedAt = ackedAtNanos.get(head);
            boolean flashing = ackedAt != null && nowNanos - ackedAt < flashNanos;
            SubtaskState state = SubtaskState.of(subtask, flashing);
            for (String operatorId : subtask.operatorIds()) {
                states.put(new SubtaskKey(operatorId, subtask.subtaskIndex()), state);
            }
        }
        subtasks = states;
    }

    private void updateChannels(JobSnapshot s) {
        Map<String, List<ChannelSnapshot>> byEdge = new HashMap<>();
        for (ChannelSnapshot channel : s.channels()) {
            byEdge.computeIfAbsent(edgeKey(channel.fromOperator(), channel.toOperator()), k -> new ArrayList<>())
                    .add(channel);
        }
        channelsByEdge = byEdge;
        if (chainedEdges.isEmpty() && pipeline.get() != null) {
            Set<String> chained = new HashSet<>();
            for (EdgeSpec edge : pipeline.get().edges()) {
                for (SubtaskSnapshot subtask : s.subtasks()) {
                    if (subtask.operatorIds().contains(edge.from()) && subtask.operatorIds().contains(edge.to())) {
                        chained.add(edgeKey(edge.from(), edge.to()));
                    }
                }
            }
            chainedEdges = chained;
        }
    }

    private void updateCheckpoints(JobSnapshot s) {
        checkpointLine.set(CheckpointProgress.current(s.checkpoints()));
        List<String> news = progress.announcements(s.checkpoints());
        if (!news.isEmpty()) {
            announcement.set(news.get(news.size() - 1));
        }
        if (pendingTrigger != null && pendingTrigger.isDone()) {
            try {
                pendingTrigger.join();
            } catch (CompletionException | java.util.concurrent.CancellationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                announcement.set("Checkpoint not triggered: " + cause.getMessage());
            }
            pendingTrigger = null;
        }
    }

    private void updateHistory(JobSnapshot s) {
        if (s.failures().size() == historyFailures && s.restarts().size() == historyRestarts) {
            return;
        }
        historyFailures = s.failures().size();
        historyRestarts = s.restarts().size();
        List<HistoryEntry> entries = new ArrayList<>();
        for (FailureEvent failure : s.failures()) {
            String where = failure.operatorId() == null ? "job"
                    : failure.operatorId() + " #" + failure.subtaskIndex();
            entries.add(new HistoryEntry(failure.timestamp(), true, "\u2715 " + where + " failed: " + failure.message()));
        }
        for (RestartEvent restart : s.restarts()) {
            entries.add(new HistoryEntry(restart.restoreTimestamp(), false, "\u21bb restarted after "
                    + restart.delayMillis() + " ms backoff, " + restoredFrom(restart.restoredCheckpointId())));
        }
        entries.sort(java.util.Comparator.comparingLong(HistoryEntry::timestamp));
        history.setAll(entries);
    }

    private void updateJobLine(JobSnapshot s, long nowNanos) {
        if (nowNanos - lastThroughputNanos >= THROUGHPUT_PERIOD_NANOS || s.status().isTerminal()) {
            throughput = job.summary().throughputPerSecond();
            lastThroughputNanos = nowNanos;
        }
        StringBuilder line = new StringBuilder(s.status().toString());
        if (s.paused()) {
            line.append(" (paused)");
        }
        line.append(", attempt ").append(s.attempt() + 1);
        line.append(String.format(Locale.ROOT, ", %,.0f records/s", throughput));
        if (s.speed() < 1) {
            line.append(String.format(Locale.ROOT, ", slow motion \u00d7%.3f", s.speed()));
        }
        jobLine.set(line.toString());
    }

    private void updateRecoveryLine(JobSnapshot s) {
        if (s.status() == JobStatus.RESTARTING && s.nextRestartAtMillis() > 0) {
            double seconds = Math.max(0, s.nextRestartAtMillis() - wallClock.getAsLong()) / 1000.0;
            recoveryLine.set(String.format(Locale.ROOT, "Restarting in %.1f s (restart strategy backoff)", seconds));
            return;
        }
        if (s.status() == JobStatus.FAILING) {
            recoveryLine.set("Failing: cancelling the tasks of the failed region");
            return;
        }
        long restoring = s.subtasks().stream().filter(t -> t.status()
                == org.checkpointlab.model.runtime.SubtaskStatus.RESTORING).count();
        if (restoring > 0 || !s.restarts().isEmpty()) {
            long restoredId = s.restarts().isEmpty() ? -1
                    : s.restarts().get(s.restarts().size() - 1).restoredCheckpointId();
            String from = restoredFrom(restoredId);
            recoveryLine.set(restoring > 0 ? "Restoring " + restoring + " subtasks, " + from
                    : "Recovered (" + s.restarts().size() + " restart" + (s.restarts().size() == 1 ? "" : "s")
                            + "), " + from);
            return;
        }
        recoveryLine.set("");
    }

    private String details(SubtaskKey key) {
        if (key == null) {
            return "";
        }
        SubtaskState state = subtasks.get(key);
        if (state == null) {
            return key + "\nno data yet (run the job)";
        }
        SubtaskSnapshot s = state.snapshot();
        String barrier = SubtaskPhase.barrierProgress(s.barrierState());
        return key + (s.operatorIds().size() > 1 ? " (chain: " + s.taskName() + ")" : "")
                + "\nstatus " + s.status() + ", " + state.phase().label()
                + (barrier.isEmpty() ? "" : "\n" + barrier)
                + "\n" + SubtaskColors.describe(s.busyMsPerSecond(), s.backPressuredMsPerSecond(),
                        s.idleMsPerSecond())
                + "\nbackpressure " + s.backPressureLevel()
                + String.format(Locale.ROOT, "\nin pool %.0f %%, out pool %.0f %%", s.inPoolUsage() * 100,
                        s.outPoolUsage() * 100)
                + String.format(Locale.ROOT, "\nrecords in %,d, out %,d", s.recordsIn(), s.recordsOut())
                + "\nstate " + Bytes.format(s.stateSizeBytes())
                + (s.asyncSnapshots() > 0 ? "\nasync snapshots running: " + s.asyncSnapshots() : "")
                + (s.restoredCheckpointId() > 0 ? "\nrestored from checkpoint " + s.restoredCheckpointId()
                        : s.restoredCheckpointId() == 0 ? "\nrestarted without a checkpoint (sources start over)"
                        : "");
    }

    private void applyBarrierMode(BarrierMode mode) {
        if (job == null || !active.get() || mode == null) {
            return;
        }
        try {
            job.updateCheckpointOptions(mode.applyTo(job.checkpointOptions()).validated());
            announcement.set("Barriers from the next checkpoint on: " + mode);
        } catch (IllegalArgumentException e) {
            announcement.set("Cannot switch to " + mode + ": " + e.getMessage());
        }
    }

    private static String restoredFrom(long checkpointId) {
        return checkpointId > 0 ? "state restored from checkpoint " + checkpointId
                : checkpointId == 0 ? "no checkpoint to restore: sources start over" : "restore pending";
    }

    private static CheckpointOptions fileOptions(PipelineSpec spec) {
        return CheckpointOptionsJson.apply(spec.checkpointing(), CheckpointOptions.defaults());
    }

    static double clampSpeed(double value) {
        return Math.max(MIN_SPEED, Math.min(1, value));
    }

    static String edgeKey(String from, String to) {
        return from + "\u0000" + to;
    }
}
