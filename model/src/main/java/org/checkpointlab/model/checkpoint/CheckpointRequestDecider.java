package org.checkpointlab.model.checkpoint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * Decides when the {@link CheckpointCoordinator} triggers the next checkpoint (Flink's {@code CheckpointRequestDecider}
 * with the coordinator's periodic trigger): the periodic schedule, the queue of requested checkpoints and savepoints,
 * and the hold while a stop-with-savepoint is in progress.
 *
 * <p>The next periodic checkpoint starts no earlier than {@code interval} after the last trigger and no earlier than
 * {@code minPause} after the last checkpoint ended, and only while fewer than {@code maxConcurrent} are in progress.
 * Requested checkpoints (manual triggers and savepoints) ignore interval and min pause and wait only for a free slot.
 *
 * <p>Threading: the coordinator's timer thread only.
 */
final class CheckpointRequestDecider {

    /** What the decider asks of the coordinator. */
    interface Triggering {
        CheckpointOptions options();

        int pendingCount();

        /** Triggers the checkpoint {@code request} asks for, now. */
        void startCheckpoint(Request request);
    }

    /** A requested checkpoint or savepoint; the futures and the finalizer are null for a periodic checkpoint. */
    record Request(SnapshotType type, CompletableFuture<CheckpointStats> future,
                   CompletableFuture<CompletedCheckpoint> state, CheckpointCoordinator.SavepointFinalizer finalizer) {
        static final Request PERIODIC = new Request(SnapshotType.CHECKPOINT, null, null, null);
    }

    private final TimerService timer;
    private final CoordinatorContext context;
    private final Triggering coordinator;
    private final Deque<Request> requests = new ArrayDeque<>();
    private long lastTriggerMillis = Long.MIN_VALUE / 2;
    private long lastEndMillis = Long.MIN_VALUE / 2;
    private TimerService.Cancellable periodicTimer;
    private boolean running;
    /** Set once the final checkpoint of a bounded job was requested: no periodic checkpoint after it. */
    private boolean periodicEnded;
    /** A stop-with-savepoint was requested and has not failed: no other checkpoint may start. */
    private boolean stopping;

    CheckpointRequestDecider(TimerService timer, CoordinatorContext context, Triggering coordinator) {
        this.timer = timer;
        this.context = context;
        this.coordinator = coordinator;
    }

    boolean isRunning() {
        return running;
    }

    void start() {
        running = true;
        schedulePeriodic();
    }

    /** Triggering stops: no periodic checkpoint, no request served from now on (see {@link #failRequests}). */
    void stopTriggering() {
        running = false;
        if (periodicTimer != null) {
            periodicTimer.cancel();
        }
    }

    /** Every queued request fails with {@code reason} (the job stopped). */
    void failRequests(CheckpointFailure reason) {
        failRequests(new IllegalStateException(reason.english()));
    }

    private void failRequests(Exception cause) {
        for (Request r : requests) {
            r.future.completeExceptionally(cause);
        }
        requests.clear();
    }

    /** The final checkpoint of a bounded job was requested: periodic checkpointing ends. */
    void endPeriodic() {
        periodicEnded = true;
        schedulePeriodic();
    }

    /** A stop-with-savepoint begins: nothing is triggered but its savepoint, and queued requests fail. */
    void holdForStop() {
        if (!running) {
            return;
        }
        stopping = true;
        if (periodicTimer != null) {
            periodicTimer.cancel();
            periodicTimer = null;
        }
        failRequests(TriggerRefusal.of(TriggerRefusal.Reason.STOP_IN_PROGRESS).exception());
    }

    /** The stop failed before its savepoint was triggered: checkpointing goes on. */
    void releaseAfterFailedStop() {
        stopping = false;
        schedulePeriodic();
    }

    /** The stop's savepoint failed: the job goes on, and so does periodic checkpointing (once the failure ended). */
    void stopSavepointFailed() {
        stopping = false;
    }

    /** Queues {@code request} and serves it as soon as max concurrent allows; refused while stopped or stopping. */
    void request(Request request) {
        if (!running) {
            request.future.completeExceptionally(TriggerRefusal.of(TriggerRefusal.Reason.CHECKPOINTING_STOPPED).exception());
            return;
        }
        boolean stopRequest = request.type == SnapshotType.SUSPEND || request.type == SnapshotType.TERMINATE;
        if (stopping && !stopRequest) {
            request.future.completeExceptionally(TriggerRefusal.of(TriggerRefusal.Reason.STOP_IN_PROGRESS).exception());
            return;
        }
        requests.add(request);
        serveRequests();
    }

    /** A checkpoint was triggered at {@code nowMillis}. */
    void triggered(long nowMillis) {
        lastTriggerMillis = nowMillis;
    }

    /** A checkpoint completed or failed at {@code nowMillis}; call {@link #afterCheckpointEnded} once it is settled. */
    void checkpointEnded(long nowMillis) {
        lastEndMillis = nowMillis;
    }

    /** Serves the queued requests a freed slot allows and schedules the next periodic checkpoint. */
    void afterCheckpointEnded() {
        serveRequests();
        schedulePeriodic();
    }

    /** (Re)schedules the next periodic checkpoint from the current options. */
    void schedulePeriodic() {
        if (periodicTimer != null) {
            periodicTimer.cancel();
            periodicTimer = null;
        }
        CheckpointOptions o = coordinator.options();
        if (!running || !o.periodic() || periodicEnded || stopping) {
            return;
        }
        long now = timer.nowMillis();
        long earliest = Math.max(lastTriggerMillis + o.interval().toMillis(), lastEndMillis + o.minPause().toMillis());
        periodicTimer = timer.schedule(this::periodicTick, Math.max(0, earliest - now));
    }

    private void periodicTick() {
        periodicTimer = null;
        CheckpointOptions o = coordinator.options();
        if (!running || !o.periodic() || periodicEnded || stopping) {
            return;
        }
        boolean pauseOk = timer.nowMillis() >= lastEndMillis + o.minPause().toMillis()
                || o.minPause().isZero();
        int pending = coordinator.pendingCount();
        boolean pauseBlocks = !o.minPause().isZero() && pending > 0;
        if (pending >= o.maxConcurrent() || !pauseOk || pauseBlocks) {
            return; // rescheduled when a checkpoint ends
        }
        if (context.cannotTriggerBecause() != null) {
            // Not every task runs yet (or any more): try again shortly, as Flink does.
            periodicTimer = timer.schedule(this::periodicTick, Math.min(o.interval().toMillis(), 100));
            return;
        }
        coordinator.startCheckpoint(Request.PERIODIC);
        schedulePeriodic();
    }

    private void serveRequests() {
        while (!requests.isEmpty() && coordinator.pendingCount() < coordinator.options().maxConcurrent()) {
            Request r = requests.poll();
            TriggerRefusal notNow = context.cannotTriggerBecause();
            if (notNow != null) {
                r.future.completeExceptionally(notNow.exception());
                continue;
            }
            coordinator.startCheckpoint(r);
        }
    }
}
