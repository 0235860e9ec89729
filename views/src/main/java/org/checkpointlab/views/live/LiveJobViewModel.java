package org.checkpointlab.views.live;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.job.RuntimeOptions;
import org.checkpointlab.model.observe.ChannelSnapshot;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.JobStatus;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;
import org.checkpointlab.views.session.HistoryEntry;
import org.checkpointlab.views.session.JobEventLog;
import org.checkpointlab.views.session.JobSession;

/**
 * The running job as the live graph shows it, without any control. The job itself belongs to the
 * {@link JobSession}: the commands here (run the open pipeline, stop, pause, slow motion, step, checkpoint, fail a
 * subtask, barrier mode) go to it ({@link LiveJobCommands}), and each snapshot it samples
 * ({@link JobSession#sample}, once per frame) is turned into what the view draws: a {@link SubtaskState} per subtask
 * (keyed under every operator of its chain), the channels of each edge and the status strip's lines (job,
 * checkpoint progress, announcements, restart countdown and restore: {@link StatusStrip}). The exception history is
 * the session's {@link JobEventLog}. Nothing here is pushed by engine threads.
 *
 * <p>FX thread only (tests call it from the thread that owns it).
 */
public final class LiveJobViewModel {
    /** How the job line starts while a pipeline is loaded and no job of it has started. */
    public static final String READY = Texts.format("live.ready", "");
    /** Said while the fail tool is armed: what the next click does, and how not to. */
    public static final String FAIL_ARMED_HINT = Texts.get("live.fail.armedHint");
    /** Buffers small enough to watch fill and drain: 32 records, 4 per channel, flushed after 20 ms. */
    public static final RuntimeOptions WATCHABLE_BUFFERS = new RuntimeOptions(32, 4, Duration.ofMillis(20), true);
    /** Slowest speed on offer: about one record per second per source, human speed. */
    public static final double MIN_SPEED = JobSession.MIN_SPEED;

    private final JobSession session;
    private final RuntimeOptions runtimeOptions;
    private final LiveFrame liveFrame = new LiveFrame();
    private final StatusStrip strip;
    private final LiveJobCommands commands;

    private final ReadOnlyObjectWrapper<PipelineSpec> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    private final ReadOnlyObjectWrapper<JobStatus> jobStatus = new ReadOnlyObjectWrapper<>(this, "jobStatus");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ObjectProperty<BarrierMode> barrierMode = new SimpleObjectProperty<>(this, "barrierMode",
            BarrierMode.ALIGNED);
    private final BooleanProperty failToolArmed = new SimpleBooleanProperty(this, "failToolArmed");
    private final ReadOnlyObjectWrapper<SubtaskKey> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper selectedDetails = new ReadOnlyStringWrapper(this, "selectedDetails", "");
    private final ReadOnlyLongWrapper frame = new ReadOnlyLongWrapper(this, "frame");
    private final ReadOnlyLongWrapper acksSeen = new ReadOnlyLongWrapper(this, "acksSeen");

    /**
     * The job whose snapshots are drawn: the session's, until another pipeline is shown here (then none, until
     * the next job starts).
     */
    private JobClient shown;
    private JobSnapshot snapshot;

    /**
     * @param session        owns the job: starts it, runs the commands, samples it once per frame
     * @param runtimeOptions network buffers for jobs started here, e.g. {@link #WATCHABLE_BUFFERS}
     * @param wallClock      epoch ms now, for the restart countdown ({@code System::currentTimeMillis})
     */
    public LiveJobViewModel(JobSession session, RuntimeOptions runtimeOptions, LongSupplier wallClock) {
        this.session = Objects.requireNonNull(session, "session");
        this.runtimeOptions = Objects.requireNonNull(runtimeOptions, "runtimeOptions");
        this.strip = new StatusStrip(Objects.requireNonNull(wallClock, "wallClock"), failToolArmed);
        this.commands = new LiveJobCommands(session, strip, active);
        BarrierModeSync.bind(session, barrierMode, active.getReadOnlyProperty(), strip::announce);
        session.jobProperty().addListener((obs, old, now) -> jobReplaced(now));
        session.onSample(this::show);
        // What the session did (a savepoint written, a restore, a redeploy) is also said in the strip.
        session.onActivity(strip::announce);
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
        return session.pausedProperty();
    }

    /** Slow motion, {@value #MIN_SPEED} (human speed) to 1 (full speed); applies to the running job at once. */
    public DoubleProperty speedProperty() {
        return session.speedProperty();
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
        return strip.jobLineProperty();
    }

    /** The checkpoint in progress ("Checkpoint 5: 3/8 acknowledged") or the latest one. */
    public ReadOnlyStringProperty checkpointLineProperty() {
        return strip.checkpointLineProperty();
    }

    /** The latest announcement: a checkpoint completed or failed, a trigger refused, a failure injected. */
    public ReadOnlyStringProperty announcementProperty() {
        return strip.announcementProperty();
    }

    /** The restart countdown while RESTARTING, the restore while restoring, then the last recovery. */
    public ReadOnlyStringProperty recoveryLineProperty() {
        return strip.recoveryLineProperty();
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
        return FXCollections.unmodifiableObservableList(session.history());
    }

    /** The session that owns the job this view model shows. */
    public JobSession session() {
        return session;
    }

    /** The last snapshot taken, or {@code null}. */
    public JobSnapshot snapshot() {
        return snapshot;
    }

    /** Frames skipped because the engine could not take a snapshot. */
    public long snapshotErrors() {
        return session.snapshotErrors();
    }

    /** How long a subtask box flashes after an ack; zero turns flashing off (tests). */
    public void setAckFlashDuration(Duration duration) {
        liveFrame.setAckFlashDuration(duration);
    }

    // ---- what the view draws ----------------------------------------------------------------------------------

    /** The state of a subtask of an operator as of the last frame, or {@code null} when none is known. */
    public SubtaskState subtask(String operatorId, int subtaskIndex) {
        return liveFrame.subtask(operatorId, subtaskIndex);
    }

    /** The channels of the edge {@code from -> to} as of the last frame; empty if none (or chained). */
    public List<ChannelSnapshot> channels(String fromOperator, String toOperator) {
        return liveFrame.channels(fromOperator, toOperator);
    }

    /** Whether the edge runs inside one chain (records are handed over by a method call, no channels). */
    public boolean chained(String fromOperator, String toOperator) {
        return liveFrame.chained(fromOperator, toOperator);
    }

    /** The rows the edge's channel panel draws now. */
    public List<ChannelRow> channelRows(String fromOperator, String toOperator) {
        return liveFrame.channelRows(fromOperator, toOperator);
    }

    public boolean expanded(String fromOperator, String toOperator) {
        return liveFrame.expanded(fromOperator, toOperator);
    }

    /** Expands a summarised channel panel to one row per channel, or collapses it again. */
    public void toggleExpanded(String fromOperator, String toOperator) {
        liveFrame.toggleExpanded(fromOperator, toOperator);
    }

    // ---- commands ---------------------------------------------------------------------------------------------

    /**
     * Shows a pipeline: stops the running job, if any, and resets everything to the file's settings; a pipeline the
     * running job already runs (the edits catching up with a rescale via savepoint) just becomes the one shown.
     */
    public void load(PipelineSpec spec) {
        JobClient job = session.job();
        if (spec != null && job != null && !job.status().isTerminal() && RunningPipeline.describes(spec, job.pipeline())) {
            // The edits caught up with the running job (e.g. its parallelism after a rescale via savepoint).
            pipeline.set(spec);
            return;
        }
        stop();
        pipeline.set(spec);
        shown = null;
        clearFrame();
        selected.set(null);
        selectedDetails.set("");
        jobStatus.set(null);
        strip.pipelineShown(spec);
        if (spec != null) {
            barrierMode.set(BarrierMode.of(RunningPipeline.fileOptions(spec)));
        }
    }

    /**
     * Starts a job of the open pipeline with the chosen barrier mode, speed and pause.
     *
     * @return whether it started; if not, {@link #announcementProperty()} says why
     */
    public boolean run() {
        return commands.run(pipeline.get(), barrierMode.get(), runtimeOptions);
    }

    /**
     * The session's job changed (Run, a restore, a rescale, a redeploy): the graph starts clean for it, and shows
     * where it came from when it was not started by Run.
     */
    private void jobReplaced(JobClient next) {
        clearFrame();
        shown = next;
        liveFrame.reset();
        strip.jobReplaced(next);
        active.set(next != null && !next.status().isTerminal());
        if (next != null && next.config().restore() != null) {
            strip.announce(Texts.format("live.showingRestored", next.pipeline().name(),
                    next.config().restore().path()));
        }
    }

    private void clearFrame() {
        snapshot = null;
        liveFrame.clear();
    }

    /** Cancels the running job; waiting for its end happens on the background executor. */
    public void stop() {
        commands.stop();
    }

    /** Pauses or resumes processing. */
    public void togglePause() {
        session.pausedProperty().set(!session.pausedProperty().get());
    }

    /**
     * Single step: a paused job runs to its next barrier event (a source sends a barrier, a barrier reaches a
     * subtask) and pauses there; the event is announced on a later frame.
     */
    public void step() {
        commands.step();
    }

    /** Triggers a checkpoint now; the outcome (or why it could not start) is announced on a later frame. */
    public void triggerCheckpoint() {
        commands.triggerCheckpoint();
    }

    /**
     * Makes a subtask fail now (any operator of its chain).
     *
     * @return whether the engine had such a running subtask
     */
    public boolean injectFailure(SubtaskKey subtask) {
        return commands.injectFailure(subtask);
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
     * Samples the session's job now and updates everything the view draws (the frame loop does this through
     * {@link JobSession#sample}; tests call it directly).
     *
     * @param nowNanos the frame's time ({@code System.nanoTime()} scale), for ack flashes and throughput
     */
    public void refresh(long nowNanos) {
        session.sample(nowNanos, false);
    }

    /** Turns a snapshot the session sampled into what the view draws. */
    private void show(JobSnapshot s, long nowNanos) {
        JobClient job = session.job();
        if (job == null || job != shown) {
            return; // another pipeline is shown: its job has not started yet
        }
        snapshot = s;
        acksSeen.set(acksSeen.get() + liveFrame.update(s, pipeline.get(), nowNanos));
        strip.showFrame(job, s, nowNanos);
        if (s.status().isTerminal() && active.get()) {
            active.set(false);
        }
        jobStatus.set(s.status());
        strip.announceStepEnd(job);
        if (selected.get() != null) {
            selectedDetails.set(details(selected.get()));
        }
        frame.set(frame.get() + 1);
    }

    // ---- frame update -------------------------------------------------------------------------------------------

    private String details(SubtaskKey key) {
        return key == null ? "" : LiveTexts.details(key, liveFrame.subtask(key.operatorId(), key.subtaskIndex()),
                snapshot);
    }
}
