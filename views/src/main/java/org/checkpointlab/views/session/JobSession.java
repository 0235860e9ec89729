package org.checkpointlab.views.session;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.checkpointlab.model.checkpoint.CheckpointOptions;
import org.checkpointlab.model.checkpoint.CheckpointStats;
import org.checkpointlab.model.checkpoint.CheckpointStatus;
import org.checkpointlab.model.job.Job;
import org.checkpointlab.model.job.JobConfig;
import org.checkpointlab.model.job.RestartStrategy;
import org.checkpointlab.model.job.SavepointRestore;
import org.checkpointlab.model.job.SavepointResult;
import org.checkpointlab.model.job.StateBackendKind;
import org.checkpointlab.model.observe.FailureEvent;
import org.checkpointlab.model.observe.JobSnapshot;
import org.checkpointlab.model.observe.RestartEvent;
import org.checkpointlab.model.pipeline.CheckpointOptionsJson;
import org.checkpointlab.model.pipeline.PipelineException;
import org.checkpointlab.model.pipeline.PipelineSpec;

/**
 * The running job the checkpoint panels look at, and the commands that replace it: start, cancel, savepoints,
 * restore from a savepoint, and redeploy with another state backend or restart strategy (stop-with-savepoint, then
 * restore with the new setting, as Flink requires).
 *
 * <p>It polls {@link Job#snapshot()} at UI rate ({@link #startPolling}) and publishes the latest snapshot; panels
 * listen to {@link #snapshotProperty()} instead of touching the engine. Every failure, recovery, savepoint, settings
 * change and restore becomes a {@link JobEvent} in {@link #events()} (charts mark them) and a line in
 * {@link #activity()}. Anything that may block on the engine goes through the {@link TaskRunner}.
 *
 * <p>FX thread only. The lead will merge this with the live graph's run controls; until then the main window
 * starts the open pipeline here.
 */
public final class JobSession {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DIR_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneId.systemDefault());
    private static final long SAVEPOINT_TIMEOUT_SECONDS = 120;

    private final TaskRunner runner;
    private final LongSupplier clock;
    private final ReadOnlyObjectWrapper<Job> job = new ReadOnlyObjectWrapper<>(this, "job");
    private final ReadOnlyObjectWrapper<JobSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObjectProperty<Path> savepointDirectory = new SimpleObjectProperty<>(this, "savepointDirectory");
    private final ObservableList<JobEvent> events = FXCollections.observableArrayList();
    private final ObservableList<String> activity = FXCollections.observableArrayList();
    private Timeline poll;
    private long pollIntervalNanos = 250_000_000L;
    private long lastOfferedNanos = Long.MIN_VALUE / 2;
    /** The snapshot offered last, to tell a new sample from a frame that showed the same one again. */
    private JobSnapshot lastOffered;
    private long lastPublishedNanos = Long.MIN_VALUE / 2;
    /**
     * How often offered snapshots reach the panels while the live view is held back by its CPU budget (the engine
     * keeps every core busy): every 3 seconds, as often as Flink's own web UI refreshes by default
     * ({@code web.refresh-interval}). Each update of the panels (the checkpoint history, its timeline, the charts)
     * costs several times a sample of the graph, so the graph samples more often the less often they follow.
     */
    public static final long CONSTRAINED_PUBLISH_NANOS = 3_000_000_000L;
    private int seenFailures;
    private int seenRestarts;
    private final Set<Long> seenSavepoints = new HashSet<>();

    /**
     * @param runner             where blocking engine work runs
     * @param savepointDirectory the folder new savepoints go into (each in its own timestamped sub-directory)
     */
    public JobSession(TaskRunner runner, Path savepointDirectory) {
        this(runner, savepointDirectory, System::currentTimeMillis);
    }

    /** The app's session: engine work on a background thread, savepoints under {@code ~/checkpoint-lab/savepoints}. */
    public static JobSession forApp() {
        return new JobSession(TaskRunner.background(),
                Path.of(System.getProperty("user.home"), "checkpoint-lab", "savepoints"));
    }

    JobSession(TaskRunner runner, Path savepointDirectory, LongSupplier clock) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.savepointDirectory.set(Objects.requireNonNull(savepointDirectory, "savepointDirectory"));
    }

    /** The job the panels show, or {@code null} before the first start. */
    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public Job job() {
        return job.get();
    }

    /** The latest snapshot of the job, refreshed by {@link #refresh()}; {@code null} without a job. */
    public ReadOnlyObjectProperty<JobSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /** True while a savepoint, restore or redeployment is under way (its buttons are then disabled). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Where new savepoints are written (a sub-directory per savepoint). */
    public ObjectProperty<Path> savepointDirectoryProperty() {
        return savepointDirectory;
    }

    /** Failures, recoveries, savepoints, settings changes and restores, oldest first. */
    public ObservableList<JobEvent> events() {
        return events;
    }

    /** Human-readable log of what the session did, oldest first ("12:00:01 Stop with savepoint …"). */
    public ObservableList<String> activity() {
        return activity;
    }

    /** Starts {@code pipeline} with the checkpointing section of its file applied to Flink's defaults. */
    public Job start(PipelineSpec pipeline) throws PipelineException {
        CheckpointOptions options;
        try {
            options = CheckpointOptionsJson.apply(pipeline.checkpointing(), CheckpointOptions.defaults());
        } catch (IllegalArgumentException e) {
            throw new PipelineException("checkpointing: " + e.getMessage());
        }
        return start(JobConfig.of(pipeline).withCheckpointOptions(options));
    }

    /** Cancels the current job (if any) and starts a new one with {@code config}. */
    public Job start(JobConfig config) throws PipelineException {
        Job started = Job.start(config);
        replaceJob(started);
        log("Started " + config.pipeline().name());
        return started;
    }

    /** Shows a job started elsewhere (the live graph's Run) in the panels; a different previous job is cancelled. */
    public void adopt(Job started) {
        if (started != null && started != job.get()) {
            replaceJob(started);
            log("Watching " + started.pipeline().name());
        }
    }

    /** Cancels the current job; it stays visible with status CANCELED. */
    public void cancel() {
        Job current = job.get();
        if (current != null) {
            current.cancel();
            log("Cancelled the job");
        }
    }

    /**
     * Polls the job {@code timesPerSecond} times a second on the FX thread; panels update from each snapshot. While
     * the live graph {@linkplain #offer offers} its snapshots, the session takes those instead of polling.
     */
    public void startPolling(double timesPerSecond) {
        stopPolling();
        pollIntervalNanos = (long) (1e9 / timesPerSecond);
        poll = new Timeline();
        poll.setCycleCount(Animation.INDEFINITE);
        poll.getKeyFrames().setAll(new KeyFrame(javafx.util.Duration.millis(1000 / timesPerSecond), e -> {
            if (System.nanoTime() - lastOfferedNanos > 2 * pollIntervalNanos) {
                refresh();
            }
        }));
        poll.play();
    }

    /**
     * The snapshot the live graph shows of {@code source} in this frame (offered every frame; a frame that did not
     * sample the engine offers the same one again). While the live graph offers snapshots of the session's job the
     * session does not poll. A new snapshot is published as if polled once the panels' last update is a poll
     * interval old: the panels change in the same frame as the graph (one repaint instead of two) and the engine is
     * asked once instead of twice. While the live view is {@code constrained} by its CPU budget, the panels are
     * updated at most every {@link #CONSTRAINED_PUBLISH_NANOS} instead of every poll interval.
     */
    public void offer(Job source, JobSnapshot s, long nowNanos, boolean constrained) {
        if (source == null || source != job.get() || s == null) {
            return;
        }
        lastOfferedNanos = nowNanos;
        if (s == lastOffered) {
            return;
        }
        lastOffered = s;
        long interval = constrained ? Math.max(pollIntervalNanos, CONSTRAINED_PUBLISH_NANOS) : pollIntervalNanos;
        if (nowNanos - lastPublishedNanos >= interval) {
            publish(s, nowNanos);
        }
    }

    public void stopPolling() {
        if (poll != null) {
            poll.stop();
        }
    }

    /** Takes a snapshot of the job now, records new failures, recoveries and savepoints as events, publishes it. */
    public void refresh() {
        Job current = job.get();
        if (current == null) {
            return;
        }
        publish(current.snapshot(), System.nanoTime());
    }

    private void publish(JobSnapshot s, long nowNanos) {
        lastPublishedNanos = nowNanos;
        List<FailureEvent> failures = s.failures();
        for (int i = seenFailures; i < failures.size(); i++) {
            FailureEvent f = failures.get(i);
            addEvent(new JobEvent(f.timestamp(), JobEvent.Kind.FAILURE, f.message()));
        }
        seenFailures = failures.size();
        List<RestartEvent> restarts = s.restarts();
        for (int i = seenRestarts; i < restarts.size(); i++) {
            RestartEvent r = restarts.get(i);
            addEvent(new JobEvent(r.restoreTimestamp(), JobEvent.Kind.RECOVERY, r.restoredCheckpointId() > 0
                    ? "recovered from checkpoint " + r.restoredCheckpointId()
                    : "restarted without state (no completed checkpoint)"));
        }
        seenRestarts = restarts.size();
        for (CheckpointStats c : s.checkpoints()) {
            if (c.savepoint() && c.status() == CheckpointStatus.COMPLETED && seenSavepoints.add(c.id())) {
                addEvent(new JobEvent(c.triggerTimestamp(), JobEvent.Kind.SAVEPOINT, "savepoint " + c.id()));
            }
        }
        snapshot.set(s);
    }

    /**
     * Applies new checkpoint options to the running job from its next checkpoint on.
     *
     * @return the problems that stopped it (nothing changed then); empty when applied
     */
    public List<String> updateCheckpointOptions(CheckpointOptions options) {
        Job current = job.get();
        if (current == null || current.status().isTerminal()) {
            return List.of("no running job: start the pipeline first");
        }
        List<String> problems = options.problems();
        if (!problems.isEmpty()) {
            return problems;
        }
        CheckpointOptions before = current.checkpointOptions();
        try {
            current.updateCheckpointOptions(options);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        String change = describeChange(before, options);
        addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.SETTINGS, change));
        log("Checkpoint settings applied from the next checkpoint: " + change);
        return List.of();
    }

    /** A new, not yet existing directory for the next savepoint inside {@link #savepointDirectoryProperty()}. */
    public Path nextSavepointPath() {
        return savepointDirectory.get().resolve("savepoint-" + DIR_STAMP.format(Instant.ofEpochMilli(clock.getAsLong())));
    }

    /** Triggers a savepoint into {@link #nextSavepointPath()}; the job keeps running. */
    public void triggerSavepoint(Consumer<SavepointResult> onDone, Consumer<List<String>> onProblems) {
        Job current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        Path target = nextSavepointPath();
        log("Triggering a savepoint into " + target);
        busy.set(true);
        runner.run(() -> current.triggerSavepoint(target).get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                result -> {
                    busy.set(false);
                    log("Savepoint " + result.checkpointId() + " written to " + result.path() + " ("
                            + Units.bytes(result.sizeBytes()) + ", " + result.durationMillis() + " ms)");
                    refresh();
                    onDone.accept(result);
                },
                error -> failed("Savepoint failed", error, onProblems));
    }

    /** Stop-with-savepoint: takes a savepoint, lets sinks commit, stops the job (it ends FINISHED). */
    public void stopWithSavepoint(Consumer<SavepointResult> onDone, Consumer<List<String>> onProblems) {
        Job current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        Path target = nextSavepointPath();
        log("Stopping with a savepoint into " + target);
        busy.set(true);
        runner.run(() -> current.stopWithSavepoint(target).get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                result -> {
                    busy.set(false);
                    log("Stopped with savepoint " + result.checkpointId() + " at " + result.path());
                    refresh();
                    onDone.accept(result);
                },
                error -> failed("Stop with savepoint failed", error, onProblems));
    }

    /**
     * Starts the current pipeline from a savepoint with new settings; only once the new job runs is the current one
     * cancelled. If the engine refuses (bad savepoint, parallelism above max parallelism, unmatched state), the
     * current job is left exactly as it was and {@code onProblems} gets every problem.
     *
     * @param customize changes the restore config (parallelism, backend, incremental) before the start
     */
    public void restore(SavepointRestore restore, java.util.function.UnaryOperator<JobConfig> customize,
                        Consumer<Job> onStarted, Consumer<List<String>> onProblems) {
        Job current = job.get();
        if (current == null) {
            onProblems.accept(List.of("no pipeline has been started yet, so there is nothing to restore into"));
            return;
        }
        JobConfig config = customize.apply(current.config()
                .withCheckpointOptions(current.checkpointOptions()).withRestore(restore));
        log("Restoring from " + restore.path());
        busy.set(true);
        runner.run(() -> Job.start(config),
                started -> {
                    busy.set(false);
                    replaceJob(started);
                    addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESTORE, "restored from "
                            + restore.path().getFileName() + " (" + config.backend().cliName() + ")"));
                    log("Restored from " + restore.path() + " with parallelism " + started.pipeline().operators()
                            .stream().map(o -> o.id() + "=" + o.parallelism()).toList() + ", backend "
                            + config.backend().cliName());
                    onStarted.accept(started);
                },
                error -> failed("Restore refused; the running job was left as it was", error, onProblems));
    }

    /**
     * Changes the state backend and restart strategy of the running job the way Flink requires: (1) stop with a
     * savepoint, (2) start again from that savepoint with the new settings. If step 2 fails, the job is started
     * again from the savepoint with its old settings, so the user's state is not lost.
     */
    public void redeploy(StateBackendKind backend, boolean incremental, RestartStrategy restartStrategy,
                         Consumer<Job> onStarted, Consumer<List<String>> onProblems) {
        Job current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        Path target = nextSavepointPath();
        JobConfig old = current.config().withCheckpointOptions(current.checkpointOptions());
        JobConfig wanted = old.withBackend(backend).withIncremental(incremental).withRestartStrategy(restartStrategy);
        String what = "state backend " + backend.cliName() + (incremental ? " (incremental)" : "")
                + ", restart strategy " + RestartStrategies.describe(restartStrategy);
        log("Changing to " + what + ": step 1 of 2, stop with savepoint into " + target);
        busy.set(true);
        runner.run(() -> {
            SavepointResult sp = current.stopWithSavepoint(target).get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            SavepointRestore restore = new SavepointRestore(sp.path(), false);
            try {
                return new Redeployed(sp, Job.start(wanted.withRestore(restore)), null);
            } catch (PipelineException e) {
                return new Redeployed(sp, Job.start(old.withRestore(restore)), e.problems());
            }
        }, done -> {
            busy.set(false);
            log("Step 1 done: savepoint " + done.savepoint().checkpointId() + " at " + done.savepoint().path());
            replaceJob(done.job());
            if (done.problems() == null) {
                addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESTORE, "redeployed with " + what));
                log("Step 2 done: restored from the savepoint with " + what);
                onStarted.accept(done.job());
            } else {
                addEvent(new JobEvent(clock.getAsLong(), JobEvent.Kind.RESTORE, "restored with the old settings"));
                log("Step 2 refused, restored with the old settings: " + String.join("; ", done.problems()));
                onProblems.accept(done.problems());
            }
        }, error -> failed("Changing the " + what + " failed", error, onProblems));
    }

    private record Redeployed(SavepointResult savepoint, Job job, List<String> problems) {
    }

    /**
     * Rescale via savepoint, as Flink requires: (1) stop the running job with a savepoint, (2) start the same
     * pipeline from it with the plan's parallelism; keyed state follows its key groups to the new subtasks. A plan
     * with problems is refused before the job is touched. If the engine refuses step 2, the pipeline is started
     * again from the savepoint with its old parallelism, so no state is lost, and {@code onProblems} says why.
     */
    public void rescale(RescalePlan plan, Consumer<Job> onStarted, Consumer<List<String>> onProblems) {
        if (!plan.feasible()) {
            onProblems.accept(plan.problems());
            return;
        }
        Job current = requireRunning(onProblems);
        if (current == null) {
            return;
        }
        java.util.Map<String, Integer> before = new java.util.LinkedHashMap<>();
        current.pipeline().operators().forEach(o -> before.put(o.id(), o.parallelism()));
        log("Rescaling " + plan.describe() + ": step 1 of 2, stop with savepoint");
        stopWithSavepoint(savepoint -> {
            SavepointRestore from = new SavepointRestore(savepoint.path(), false);
            log("Step 2 of 2: restore from the savepoint with " + plan.describe());
            restore(from, config -> config.withParallelism(plan.parallelism()), onStarted, refused ->
                    restore(from, config -> config.withParallelism(before), restarted -> {
                        log("Restored with the old parallelism after the rescale was refused");
                        onProblems.accept(prefixed("Not rescaled; restarted from the savepoint with the old "
                                + "parallelism: ", refused));
                    }, again -> onProblems.accept(prefixed("Not rescaled, and the job could not be restarted; its "
                            + "state is in the savepoint " + savepoint.path() + ": ", concat(refused, again)))));
        }, onProblems);
    }

    private static List<String> prefixed(String prefix, List<String> problems) {
        List<String> out = new java.util.ArrayList<>();
        out.add(prefix.strip());
        out.addAll(problems);
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private Job requireRunning(Consumer<List<String>> onProblems) {
        Job current = job.get();
        if (current == null || current.status().isTerminal()) {
            onProblems.accept(List.of("no running job: start the pipeline first"));
            return null;
        }
        return current;
    }

    private void failed(String what, Throwable error, Consumer<List<String>> onProblems) {
        busy.set(false);
        List<String> problems = Problems.of(error);
        log(what + ": " + String.join("; ", problems));
        onProblems.accept(problems);
    }

    private void replaceJob(Job next) {
        Job previous = job.get();
        if (previous != null && previous != next) {
            previous.cancel();
        }
        seenFailures = 0;
        seenRestarts = 0;
        seenSavepoints.clear();
        job.set(next);
        refresh();
    }

    private void addEvent(JobEvent event) {
        events.add(event);
    }

    private void log(String line) {
        activity.add(CLOCK.format(Instant.ofEpochMilli(clock.getAsLong())) + "  " + line);
    }

    /** "interval 2s → 500ms, unaligned false → true" from the options that differ. */
    static String describeChange(CheckpointOptions before, CheckpointOptions after) {
        var b = OptionTexts.of(before);
        var a = OptionTexts.of(after);
        StringBuilder text = new StringBuilder();
        for (String key : CheckpointOptionsJson.KEYS) {
            String was = b.get(key);
            String is = a.get(key);
            if (!Objects.equals(was, is)) {
                text.append(text.length() == 0 ? "" : ", ").append(key).append(' ').append(was)
                        .append(" \u2192 ").append(is);
            }
        }
        return text.length() == 0 ? "no change" : text.toString();
    }
}
