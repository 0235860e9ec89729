package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.client.JobClient;
import org.checkpointlab.model.client.JobLauncher;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;
import org.checkpointlab.views.i18n.Texts;

/**
 * The one owner of the running job in the window: it holds the current {@link JobClient} and runs every command on
 * it (start, cancel, pause, slow motion, step, checkpoint, failure injection, checkpoint options, savepoints,
 * restore, rescale and redeploy), and it is the single feed of what panels see.
 *
 * <p>The feed ({@link SnapshotFeed}): once per frame the live view's frame loop calls {@link #sample(long, boolean)},
 * which takes one {@link JobSnapshot} from the client, records what is new in the {@link JobEventLog} (the exception
 * history and the charts' markers, derived once) and hands the same snapshot to every {@linkplain #onSample sample
 * listener} (the live graph); panels that update less often read {@link #snapshotProperty()}, published from the
 * same samples at most once per poll interval. Nothing polls the engine on its own.
 *
 * <p>Which job runs is decided here only: whoever starts one (Run, a restore, a rescale, a redeploy), every view
 * follows {@link #jobProperty()}; a replaced job is cancelled. Slow motion and pause are kept here, so that each
 * job the session starts gets them ({@link PauseAndSpeed}). Anything that may block on the engine goes through the
 * {@link TaskRunner}.
 *
 * <p>FX thread only.
 */
public final class JobSession {
    /** Slowest speed on offer: about one record per second per source, human speed. */
    public static final double MIN_SPEED = 0.001;

    private final JobLauncher launcher;
    private final TaskRunner runner;
    private final LongSupplier clock;
    private final JobEndWait ending;
    private final ReadOnlyObjectWrapper<JobClient> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyObjectWrapper<CheckpointOptions> checkpointOptions =
            new ReadOnlyObjectWrapper<>(this, "checkpointOptions");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final JobEventLog eventLog = new JobEventLog();
    private final SnapshotFeed feed;
    private final PauseAndSpeed pauseAndSpeed;
    private final SavepointOperations savepoints;
    private final ActivityLog activity;
    private final InPlaceRescaling inPlace;
    private final SavepointLocations savepointLocations;
    private final RunningJobCommands runningJob;

    /** Gets each sampled snapshot of the current job, once per frame that sampled. */
    @FunctionalInterface
    public interface SampleListener {
        void sampled(JobSnapshot snapshot, long nowNanos);
    }

    /**
     * @param launcher           starts jobs ({@link JobLauncher#local()} in the app)
     * @param runner             where blocking engine work runs
     * @param savepointDirectory the folder new savepoints go into (each in its own timestamped sub-directory)
     */
    public JobSession(JobLauncher launcher, TaskRunner runner, Path savepointDirectory) {
        this(launcher, runner, savepointDirectory, System::currentTimeMillis, JobEndWait.onDaemonThreads());
    }

    JobSession(JobLauncher launcher, TaskRunner runner, Path savepointDirectory, LongSupplier clock,
               Executor background) {
        this(launcher, runner, savepointDirectory, clock, new JobEndWait(background));
    }

    private JobSession(JobLauncher launcher, TaskRunner runner, Path savepointDirectory, LongSupplier clock,
                       JobEndWait ending) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ending = ending;
        this.savepointLocations = new SavepointLocations(savepointDirectory, job, clock);
        this.activity = new ActivityLog(clock);
        this.savepoints = new SavepointOperations(this, launcher, runner, clock);
        this.inPlace = new InPlaceRescaling(this, runner, clock);
        this.pauseAndSpeed = new PauseAndSpeed(this, job::get);
        this.feed = new SnapshotFeed(job::get, eventLog, pauseAndSpeed::followEnginePause);
        this.runningJob = new RunningJobCommands(job::get, this::running, pauseAndSpeed.pausedProperty()::get);
    }

    /** The app's session: jobs from {@code launcher}, engine work on a background thread, savepoints under
     * {@code ~/checkpoint-lab/savepoints}. */
    public static JobSession forApp(JobLauncher launcher) {
        return new JobSession(launcher, TaskRunner.background(),
                Path.of(System.getProperty("user.home"), "checkpoint-lab", "savepoints"));
    }

    /** Where the session runs work that may block on the engine; panels use it for theirs (a delivery check). */
    public TaskRunner runner() {
        return runner;
    }

    /** The job every view shows, or {@code null} before the first start. */
    public ReadOnlyObjectProperty<JobClient> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public JobClient job() {
        return job.get();
    }

    /** True while there is a job and it has not ended. */
    public boolean running() {
        JobClient current = job.get();
        return current != null && !current.status().isTerminal();
    }

    /** The latest snapshot given to the panels (at most every poll interval); {@code null} without a job. */
    public ReadOnlyObjectProperty<JobSnapshot> snapshotProperty() {
        return feed.snapshotProperty();
    }

    /** The checkpoint options the current job uses, changed by whoever changes them; {@code null} without a job. */
    public ReadOnlyObjectProperty<CheckpointOptions> checkpointOptionsProperty() {
        return checkpointOptions.getReadOnlyProperty();
    }

    /** True while a savepoint, restore or redeployment is under way (its buttons are then disabled). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where new savepoints are written (a sub-directory per savepoint). */
    public ObjectProperty<Path> savepointDirectoryProperty() {
        return savepointLocations.directoryProperty();
    }

    /** Processing paused (checkpoints, failures and stopping still work); every job started here takes it. */
    public BooleanProperty pausedProperty() {
        return pauseAndSpeed.pausedProperty();
    }

    /** Slow motion, {@value #MIN_SPEED} to 1 (full speed); every job started here takes it. */
    public DoubleProperty speedProperty() {
        return pauseAndSpeed.speedProperty();
    }

    /** Failures, recoveries, savepoints, settings changes and restores, oldest first. */
    public ObservableList<JobEvent> events() {
        return eventLog.events();
    }

    /** The current job's exception history: failures and recoveries, oldest first. */
    public ObservableList<HistoryEntry> history() {
        return eventLog.history();
    }

    /** Human-readable log of what the session did, oldest first ("12:00:01 Stop with savepoint …"). */
    public ObservableList<String> activity() {
        return activity.lines();
    }

    /** Hands each line the session logs from now on (a savepoint written, a restore), without its time. FX thread. */
    public void onActivity(Consumer<String> listener) {
        activity.onLog(listener);
    }

    /** Frames whose snapshot the engine could not assemble (the last snapshot stayed on screen). */
    public long snapshotErrors() {
        return feed.snapshotErrors();
    }

    // ---- the feed ---------------------------------------------------------------------------------------------

    /** Adds a listener that gets every sampled snapshot (the live graph). */
    public void onSample(SampleListener listener) {
        feed.onSample(listener);
    }

    /**
     * Takes one snapshot of the current job, records what is new in it, hands it to the sample listeners and, when
     * a poll interval has passed since the panels' last update (every 3 s while the live
     * view is {@code constrained} by its CPU budget), to the panels. Called once per frame that samples.
     *
     * @return the snapshot, or {@code null} without a job or when the engine could not assemble one
     */
    public JobSnapshot sample(long nowNanos, boolean constrained) {
        return feed.sample(nowNanos, constrained);
    }

    /** Samples the job now and gives the panels the snapshot at once (after a command, and in tests). */
    public void refresh() {
        feed.refresh();
    }

    // ---- starting and stopping --------------------------------------------------------------------------------

    /** Starts {@code pipeline} with the checkpointing section of its file applied to Flink's defaults. */
    public JobClient start(PipelineSpec pipeline) throws PipelineException {
        CheckpointOptions options;
        try {
            options = pipeline.checkpointing().options();
        } catch (IllegalArgumentException e) {
            throw new PipelineException("checkpointing: " + e.getMessage());
        }
        return start(JobConfig.of(pipeline).withCheckpointOptions(options));
    }

    /** Cancels the current job (if any) and starts a new one with {@code config}. */
    public JobClient start(JobConfig config) throws PipelineException {
        JobClient started = launcher.start(config);
        replaceJob(started);
        log(Texts.format("session.started", config.pipeline().name()));
        return started;
    }

    /**
     * Shows a job that runs elsewhere (a Flink cluster's, watched through its REST API): every view follows it as
     * they follow a started one. A job shown before is cancelled, as with {@link #start(JobConfig)}.
     */
    public void attach(JobClient watched) {
        replaceJob(Objects.requireNonNull(watched, "watched"));
        log("Watching " + watched);
    }

    /** Cancels the current job; it stays visible with status CANCELED. Waiting for its end runs in the background. */
    public void cancel() {
        JobClient current = job.get();
        if (current == null || current.status().isTerminal()) {
            return;
        }
        current.cancel();
        log(Texts.get("session.cancelled"));
        ending.awaitEnd(current);
    }

    /**
     * Forgets the current job (cancelling it if it runs): the panels start clean for the next pipeline. Its events
     * stay in {@link #events()} (the charts keep their own window).
     */
    public void clear() {
        cancel();
        eventLog.newJob();
        feed.restart();
        checkpointOptions.set(null);
        job.set(null);
    }

    // ---- run controls -----------------------------------------------------------------------------------------

    /**
     * Single step: a paused job runs to its next barrier event and pauses there.
     *
     * @return false when there is no running job, it is not paused, or its engine cannot step
     */
    public boolean step() {
        return runningJob.step();
    }

    /** Triggers a checkpoint of the running job now; the future completes with its outcome. */
    public CompletableFuture<CheckpointStats> triggerCheckpoint() {
        return runningJob.triggerCheckpoint();
    }

    /**
     * Makes a subtask of the running job fail now (any operator of its chain).
     *
     * @return whether the engine had such a running subtask (false too when it cannot inject failures)
     */
    public boolean injectFailure(String operatorId, int subtask) {
        return runningJob.injectFailure(operatorId, subtask);
    }

    /**
     * Applies new checkpoint options to the running job from its next checkpoint on.
     *
     * @return the problems that stopped it (nothing changed then); empty when applied
     */
    public List<String> updateCheckpointOptions(CheckpointOptions options) {
        return CheckpointOptionsUpdate.apply(this, options, clock);
    }

    /** The newest savepoint this session's jobs wrote, the current job's first, if any. */
    public Optional<Path> latestSavepoint() {
        return savepointLocations.latest();
    }

    /** A new, not yet existing directory for the next savepoint inside {@link #savepointDirectoryProperty()}. */
    public Path nextSavepointPath() {
        return savepointLocations.next();
    }

    /** Triggers a savepoint into {@link #nextSavepointPath()}; the job keeps running. */
    public void triggerSavepoint(Consumer<SavepointResult> onDone, Consumer<List<String>> onProblems) {
        savepoints.triggerSavepoint(onDone, onProblems);
    }

    /**
     * Stop-with-savepoint (Flink's {@code flink stop}, with {@code drain} its {@code --drain}): a synchronous
     * savepoint, sinks commit what it covers, the job ends FINISHED. If no savepoint is taken, {@code onProblems}
     * says why and the job goes on.
     */
    public void stopWithSavepoint(boolean drain, Consumer<SavepointResult> onDone,
                                  Consumer<List<String>> onProblems) {
        savepoints.stopWithSavepoint(drain, onDone, onProblems);
    }

    /**
     * Starts the current pipeline from a savepoint with new settings; only once the new job runs is the current one
     * cancelled. If the engine refuses (bad savepoint, parallelism above max parallelism, unmatched state), the
     * current job is left exactly as it was and {@code onProblems} gets every problem.
     *
     * @param customize changes the restore config (parallelism, backend, incremental) before the start
     */
    public void restore(SavepointRestore restore, UnaryOperator<JobConfig> customize,
                        Consumer<JobClient> onStarted, Consumer<List<String>> onProblems) {
        savepoints.restore(restore, customize, onStarted, onProblems);
    }

    /**
     * Changes the state backend and restart strategy of the running job the way Flink requires: stop with a
     * savepoint, then start again from it with the new settings (or, if refused, with the old ones).
     */
    public void redeploy(StateBackendKind backend, boolean incremental, RestartStrategy restartStrategy,
                         Consumer<JobClient> onStarted, Consumer<List<String>> onProblems) {
        savepoints.redeploy(backend, incremental, restartStrategy, onStarted, onProblems);
    }

    /**
     * Rescale via savepoint, as Flink requires: stop the running job with a savepoint, then start the same pipeline
     * from it with the plan's parallelism. A plan with problems is refused before the job is touched.
     */
    public void rescale(RescalePlan plan, Consumer<JobClient> onStarted, Consumer<List<String>> onProblems) {
        savepoints.rescale(plan, onStarted, onProblems);
    }

    /**
     * Rescales the running job in place, without a savepoint (Flink's adaptive scheduler): the engine restarts it
     * from its latest checkpoint at the new parallelism when it has the slots. The activity log reports the request
     * and, once the job runs at the new parallelism, the charts mark it. Needs
     * {@link JobClient.Capability#RESCALE_IN_PLACE}; without it {@code onProblems} says so.
     *
     * @param parallelism operator id to new parallelism
     */
    public void rescaleInPlace(java.util.Map<String, Integer> parallelism, Runnable onAccepted,
                               Consumer<List<String>> onProblems) {
        inPlace.request(parallelism, onAccepted, onProblems);
    }

    // ---- for the savepoint operations -----------------------------------------------------------------------

    void setBusy(boolean value) {
        busy.set(value);
    }

    void setCheckpointOptions(CheckpointOptions options) {
        checkpointOptions.set(options);
    }

    void replaceJob(JobClient next) {
        JobClient previous = job.get();
        if (previous != null && previous != next) {
            previous.cancel();
        }
        pauseAndSpeed.applyTo(next);
        eventLog.newJob();
        feed.restart();
        checkpointOptions.set(next.checkpointOptions());
        job.set(next);
        refresh();
    }

    void addEvent(JobEvent event) {
        eventLog.add(event);
    }

    void log(String line) {
        activity.log(line);
    }
}
