package org.checkpointlab.model.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Triggers checkpoints, collects acknowledgements, completes or fails checkpoints, and keeps their statistics.
 *
 * <p>Threading: every state change runs on the {@link TimerService}'s thread; public methods hand their work to it,
 * so they may be called from any thread (tasks acknowledge from async snapshot threads). Readers of
 * {@link #history()} and {@link #latestCompleted()} get immutable copies published through atomic references.
 *
 * <p>When to trigger (the periodic schedule, the queue of requests, min pause and max concurrent) is decided by the
 * {@link CheckpointRequestDecider}; this class starts checkpoints, collects their acknowledgements and completes or
 * fails them.
 *
 * <p>A stop-with-savepoint ({@link #triggerStopSavepoint}) is exclusive, as Flink's synchronous savepoint: from its
 * request until it fails no other checkpoint is triggered, and other requests are refused. A savepoint is written
 * by its finalizer before any task is notified of its completion, so a two-phase-commit sink never commits output
 * that a savepoint on disk does not cover.
 */
public final class CheckpointCoordinator {
    private final TimerService timer;
    private final CoordinatorContext context;
    private volatile CheckpointOptions options;

    // ---- timer thread only -----------------------------------------------------------------------------------
    private long nextId = 1;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final CompletedCheckpointStore retained = new CompletedCheckpointStore(this::discard);
    private final CheckpointRequestDecider decider;
    private int consecutiveFailures;

    // ---- published for readers --------------------------------------------------------------------------------
    private final CheckpointStatsTracker statsTracker = new CheckpointStatsTracker();
    private final AtomicReference<CompletedCheckpoint> latest = new AtomicReference<>();

    public CheckpointCoordinator(CheckpointOptions options, TimerService timer, CoordinatorContext context) {
        this.options = options.validated();
        this.timer = timer;
        this.context = context;
        this.decider = new CheckpointRequestDecider(timer, context, new Triggering());
    }

    /** Continues checkpoint ids and the latest checkpoint after a restore (ids never repeat within a job). */
    public void restoredFrom(CompletedCheckpoint checkpoint) {
        timer.execute(() -> {
            nextId = Math.max(nextId, checkpoint.id() + 1);
            if (latest.get() == null || latest.get().id() < checkpoint.id()) {
                latest.set(checkpoint);
            }
        });
    }

    public CheckpointOptions options() {
        return options;
    }

    /** New options apply from the next checkpoint on; the periodic schedule follows at once. */
    public void updateOptions(CheckpointOptions newOptions) {
        CheckpointOptions valid = newOptions.validated();
        timer.execute(() -> {
            options = valid;
            decider.schedulePeriodic();
        });
    }

    /** Starts periodic checkpointing (if an interval is set). */
    public void start() {
        timer.execute(decider::start);
    }

    /** Stops triggering; pending checkpoints are failed with {@code reason}. */
    public void stop(CheckpointFailure reason) {
        timer.execute(() -> {
            decider.stopTriggering();
            for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
                fail(p, reason, false);
            }
            decider.failRequests(reason);
        });
    }

    /** Triggers a checkpoint now (or as soon as max concurrent allows); completes with its final statistics. */
    public CompletableFuture<CheckpointStats> trigger() {
        return request(SnapshotType.CHECKPOINT);
    }

    /**
     * Triggers the final checkpoint of a bounded job (every input has ended): periodic checkpointing ends with it,
     * so it is the last checkpoint the job takes.
     */
    public CompletableFuture<CheckpointStats> triggerFinal() {
        timer.execute(decider::endPeriodic);
        return request(SnapshotType.CHECKPOINT);
    }

    /**
     * Triggers a savepoint (always aligned). Completes with its state once every subtask acknowledged, or
     * exceptionally with the reason it failed.
     */
    public CompletableFuture<CompletedCheckpoint> triggerSavepoint(SavepointFinalizer finalizer) {
        return savepoint(SnapshotType.SAVEPOINT, finalizer);
    }

    /**
     * Triggers the savepoint of a stop-with-savepoint ({@link SnapshotType#SUSPEND}, or {@link SnapshotType#TERMINATE}
     * once every input has ended for a drain). No other checkpoint is triggered until it fails; pending checkpoint
     * requests fail at once. When it completes, periodic checkpointing has ended: the job is about to finish.
     */
    public CompletableFuture<CompletedCheckpoint> triggerStopSavepoint(SnapshotType type, SavepointFinalizer finalizer) {
        if (!type.isSavepoint() || type == SnapshotType.SAVEPOINT) {
            throw new IllegalArgumentException("not a stop-with-savepoint type: " + type);
        }
        holdForStop();
        return savepoint(type, finalizer);
    }

    /**
     * A stop-with-savepoint begins (a drain first ends every input): no checkpoint is triggered from now on but
     * the stop's savepoint, and pending requests fail. Undone by {@link #releaseAfterFailedStop} or when the stop's
     * savepoint fails.
     */
    public void holdForStop() {
        timer.execute(decider::holdForStop);
    }

    /** The stop failed before its savepoint was triggered (a task failed while draining): checkpointing goes on. */
    public void releaseAfterFailedStop() {
        timer.execute(decider::releaseAfterFailedStop);
    }

    private CompletableFuture<CompletedCheckpoint> savepoint(SnapshotType type, SavepointFinalizer finalizer) {
        CompletableFuture<CompletedCheckpoint> state = new CompletableFuture<>();
        request(type, state, finalizer).whenComplete((stats, error) -> {
            if (error != null) {
                state.completeExceptionally(error);
            } else if (stats.status() != CheckpointStatus.COMPLETED) {
                state.completeExceptionally(new IllegalStateException("savepoint " + stats.id() + " failed: "
                        + stats.failureCause()));
            }
        });
        return state;
    }

    private CompletableFuture<CheckpointStats> request(SnapshotType type) {
        return request(type, null, null);
    }

    private CompletableFuture<CheckpointStats> request(SnapshotType type, CompletableFuture<CompletedCheckpoint> state,
                                                       SavepointFinalizer finalizer) {
        CompletableFuture<CheckpointStats> future = new CompletableFuture<>();
        CheckpointRequestDecider.Request r = new CheckpointRequestDecider.Request(type, future, state, finalizer);
        timer.execute(() -> decider.request(r));
        return future;
    }

    /** A task acknowledged: its state is written (and for unaligned, its in-flight data complete). */
    public void acknowledge(String taskKey, long checkpointId, TaskStateSnapshot state, SubtaskCheckpointStats s) {
        timer.execute(() -> {
            PendingCheckpoint p = pending.get(checkpointId);
            if (p == null) {
                CheckpointStats ended = statsTracker.get(checkpointId);
                if (ended != null && ended.status() == CheckpointStatus.FAILED) {
                    state.operators().forEach(OperatorSubtaskState::discard); // late ack of a failed checkpoint
                }
                return;
            }
            if (!p.toAck.remove(taskKey)) {
                return; // a duplicate
            }
            p.states.put(taskKey, state);
            p.subtaskStats.add(s);
            p.latestAck = timer.nowMillis();
            if (p.toAck.isEmpty()) {
                complete(p);
            } else {
                publishStats(p, CheckpointStatus.IN_PROGRESS, null);
            }
        });
    }

    /** A task declined: the checkpoint fails. */
    public void decline(String taskKey, long checkpointId, DeclineReason reason) {
        timer.execute(() -> {
            PendingCheckpoint p = pending.get(checkpointId);
            if (p != null) {
                fail(p, CheckpointFailure.declined(taskKey, reason), true);
            }
        });
    }

    /** A task failed: every pending checkpoint fails (this does not count against tolerable failures). */
    public void failPending(CheckpointFailure reason) {
        timer.execute(() -> {
            for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
                fail(p, reason, false);
            }
        });
    }

    /**
     * Applies externalized retention when the job ends: NONE deletes the retained checkpoints whenever the job
     * terminates, DELETE_ON_CANCELLATION when it was cancelled, RETAIN_ON_CANCELLATION never. Savepoints belong
     * to the user and are never deleted here.
     */
    public void jobTerminated(boolean cancelled) {
        timer.execute(() -> {
            Retention r = options.retention();
            if (r == Retention.NONE || (r == Retention.DELETE_ON_CANCELLATION && cancelled)) {
                retained.retainNewest(0);
            }
            context.sharedStateUnusedBefore(retained.oldestId(Long.MAX_VALUE));
            context.storageSettled(retained.ids());
        });
    }

    public List<CheckpointStats> history() {
        return statsTracker.history();
    }

    public Optional<CompletedCheckpoint> latestCompleted() {
        return Optional.ofNullable(latest.get());
    }

    // ---- timer thread ------------------------------------------------------------------------------------------

    private void startCheckpoint(CheckpointRequestDecider.Request r) {
        SnapshotType type = r.type();
        CheckpointOptions o = options;
        long id = nextId++;
        long nowMillis = timer.nowMillis();
        // The checkpoint's alignment is chosen once, here; every subtask's barrier handler follows it.
        SnapshotOptions snapshotOptions = SnapshotOptions.of(type, o);
        long triggerNanos = timer.nowNanos();
        PendingCheckpoint p = new PendingCheckpoint(id, snapshotOptions, nowMillis,
                Set.copyOf(context.tasksToAcknowledge()), r.future());
        p.state = r.state();
        p.finalizer = r.finalizer();
        pending.put(id, p);
        decider.triggered(nowMillis);
        p.timeout = timer.schedule(() -> {
            if (pending.get(id) == p) {
                fail(p, CheckpointFailure.of(CheckpointFailure.Reason.EXPIRED, o.timeout().toMillis()), true);
            }
        }, o.timeout().toMillis());
        publishStats(p, CheckpointStatus.IN_PROGRESS, null);
        context.triggerSources(id, nowMillis, triggerNanos, snapshotOptions);
    }

    private void complete(PendingCheckpoint p) {
        CompletedCheckpoint completed = new CompletedCheckpoint(p.id, timer.nowMillis(), p.savepoint(),
                p.states);
        if (p.finalizer != null) {
            try {
                p.finalizer.finalizeSavepoint(completed);
            } catch (Exception e) {
                fail(p, CheckpointFailure.of(CheckpointFailure.Reason.SAVEPOINT_NOT_WRITTEN, p.id, e.getMessage()),
                        true);
                return;
            }
        }
        pending.remove(p.id);
        p.timeout.cancel();
        decider.checkpointEnded(timer.nowMillis());
        consecutiveFailures = 0;
        if (!p.savepoint()) {
            retained.add(completed);
            context.checkpointCompleted(completed);
            retained.retainNewest(options.retained());
        }
        if (!p.savepoint()) {
            latest.set(completed); // recovery uses checkpoints (and the savepoint the job started from), as Flink
        }
        CheckpointStats s = publishStats(p, CheckpointStatus.COMPLETED, null);
        // Older pending checkpoints are subsumed by this one, as in Flink.
        for (PendingCheckpoint older : new ArrayList<>(pending.headMap(p.id).values())) {
            fail(older, CheckpointFailure.of(CheckpointFailure.Reason.SUBSUMED, p.id), false);
        }
        context.notifyCheckpointComplete(p.id);
        context.sharedStateUnusedBefore(lowestCheckpointIdInUse());
        if (p.state != null) {
            p.state.complete(completed);
        }
        if (p.future != null) {
            p.future.complete(s);
        }
        decider.afterCheckpointEnded();
    }

    private void fail(PendingCheckpoint p, CheckpointFailure reason, boolean countsAsFailure) {
        pending.remove(p.id);
        if (p.timeout != null) {
            p.timeout.cancel();
        }
        decider.checkpointEnded(timer.nowMillis());
        new CompletedCheckpoint(p.id, 0, p.savepoint(), p.states).discard();
        CheckpointStats s = publishStats(p, CheckpointStatus.FAILED, reason);
        context.abortCheckpoint(p.id);
        if (p.savepoint() && p.options.type() != SnapshotType.SAVEPOINT) {
            decider.stopSavepointFailed(); // the stop failed: the job goes on, and so does periodic checkpointing
        }
        if (p.future != null) {
            p.future.complete(s);
        }
        if (countsAsFailure && decider.isRunning() && !p.savepoint()) { // as Flink, savepoints do not count
            consecutiveFailures++;
            if (consecutiveFailures > options.tolerableFailures()) {
                consecutiveFailures = 0;
                context.failJob(new CheckpointFailuresExceeded(options.tolerableFailures(), reason));
            }
        }
        decider.afterCheckpointEnded();
    }

    private void discard(CompletedCheckpoint checkpoint) {
        checkpoint.discard();
        context.checkpointDiscarded(checkpoint);
    }

    /**
     * The lowest checkpoint id whose shared state may still be needed: that of the oldest retained or pending
     * checkpoint (Flink's {@code SharedStateRegistry.unregisterUnusedState} bound), or the next id when none is.
     */
    private long lowestCheckpointIdInUse() {
        long lowest = retained.oldestId(nextId);
        if (!pending.isEmpty()) {
            lowest = Math.min(lowest, pending.firstKey());
        }
        return lowest;
    }

    /** Checkpoints and savepoints completed since the job started. */
    public int completedCount() {
        return statsTracker.completedCount();
    }

    /** Checkpoints and savepoints failed since the job started. */
    public int failedCount() {
        return statsTracker.failedCount();
    }

    private CheckpointStats publishStats(PendingCheckpoint p, CheckpointStatus status, CheckpointFailure failure) {
        CheckpointStats s = p.stats(status, failure, timer.nowMillis());
        statsTracker.report(s);
        return s;
    }

    /** What the decider asks of this coordinator (on the timer thread). */
    private final class Triggering implements CheckpointRequestDecider.Triggering {
        @Override
        public CheckpointOptions options() {
            return options;
        }

        @Override
        public int pendingCount() {
            return pending.size();
        }

        @Override
        public void startCheckpoint(CheckpointRequestDecider.Request request) {
            CheckpointCoordinator.this.startCheckpoint(request);
        }
    }

    /** Writes a completed savepoint before any task is notified of it; an exception fails the savepoint. */
    @FunctionalInterface
    public interface SavepointFinalizer {
        void finalizeSavepoint(CompletedCheckpoint savepoint) throws Exception;
    }
}
