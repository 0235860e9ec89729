package org.checkpointlab.model.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A checkpoint triggered and not yet completed or failed: the tasks still to acknowledge, the states and statistics
 * of those that did, and who waits for it. The {@link CheckpointCoordinator}'s timer thread only.
 */
final class PendingCheckpoint {
    final long id;
    /** How it is taken, fixed at the trigger. */
    final SnapshotOptions options;
    final long triggerMillis;
    final Set<String> toAck;
    final Map<String, TaskStateSnapshot> states = new HashMap<>();
    final List<SubtaskCheckpointStats> subtaskStats = new ArrayList<>();
    /** Completed with the final statistics, or null. */
    final CompletableFuture<CheckpointStats> future;
    TimerService.Cancellable timeout;
    /** Completed with the state of a savepoint, or null. */
    CompletableFuture<CompletedCheckpoint> state;
    CheckpointCoordinator.SavepointFinalizer finalizer;
    long latestAck = -1;

    PendingCheckpoint(long id, SnapshotOptions options, long triggerMillis, Set<String> toAck,
                      CompletableFuture<CheckpointStats> future) {
        this.id = id;
        this.options = options;
        this.triggerMillis = triggerMillis;
        this.toAck = new HashSet<>(toAck);
        this.future = future;
    }

    /** Whether it is a savepoint (of any kind): owned by the user, never retained or counted as a failure here. */
    boolean savepoint() {
        return options.type().isSavepoint();
    }

    /**
     * Its statistics as the Flink web UI shows them: per checkpoint the maximum of the subtasks' durations and the
     * sum of their sizes; once it ended, end to end at least from the trigger to {@code nowMillis}.
     */
    CheckpointStats stats(CheckpointStatus status, CheckpointFailure failure, long nowMillis) {
        long endToEnd = 0, sync = 0, async = 0, alignment = 0, startDelay = 0;
        long size = 0, full = 0, processed = 0, persisted = 0;
        boolean unaligned = false;
        for (SubtaskCheckpointStats s : subtaskStats) {
            endToEnd = Math.max(endToEnd, s.endToEndMillis());
            sync = Math.max(sync, s.syncMillis());
            async = Math.max(async, s.asyncMillis());
            alignment = Math.max(alignment, s.alignmentMillis());
            startDelay = Math.max(startDelay, s.startDelayMillis());
            size += s.checkpointedSize();
            full += s.fullSize();
            processed += s.processedInFlight();
            persisted += s.persistedInFlight();
            unaligned |= s.unaligned();
        }
        if (status != CheckpointStatus.IN_PROGRESS) {
            endToEnd = Math.max(endToEnd, nowMillis - triggerMillis);
        }
        int total = toAck.size() + subtaskStats.size();
        return new CheckpointStats(id, status, savepoint(), triggerMillis, latestAck, subtaskStats.size(),
                total, endToEnd, sync, async, alignment, startDelay, size, full, processed, persisted, unaligned,
                failure, subtaskStats, options.alignment() == BarrierAlignment.AT_LEAST_ONCE);
    }
}
