package org.checkpointlab.model.checkpoint;

import java.util.List;

/**
 * Statistics of one checkpoint or savepoint, immutable, as the Flink web UI's checkpoint history shows them.
 * Durations in ms. The per-phase figures are the maximum over subtasks (as "end to end" is); per-subtask figures
 * are in {@link #subtasks()}. {@code atLeastOnce}: its barriers were not aligned (checkpointing mode at-least-once),
 * chosen when it was triggered.
 */
public record CheckpointStats(long id, CheckpointStatus status, boolean savepoint, long triggerTimestamp,
                              long latestAckTimestamp, int acknowledged, int total, long endToEndMillis,
                              long syncMillis, long asyncMillis, long alignmentMillis, long startDelayMillis,
                              long checkpointedSize, long fullSize, long processedInFlight,
                              long persistedInFlight, boolean unaligned, CheckpointFailure failure,
                              List<SubtaskCheckpointStats> subtasks, boolean atLeastOnce) {
    public CheckpointStats {
        subtasks = List.copyOf(subtasks);
    }

    /** A checkpoint taken exactly-once (aligned or unaligned). */
    public CheckpointStats(long id, CheckpointStatus status, boolean savepoint, long triggerTimestamp,
                           long latestAckTimestamp, int acknowledged, int total, long endToEndMillis,
                           long syncMillis, long asyncMillis, long alignmentMillis, long startDelayMillis,
                           long checkpointedSize, long fullSize, long processedInFlight,
                           long persistedInFlight, boolean unaligned, CheckpointFailure failure,
                           List<SubtaskCheckpointStats> subtasks) {
        this(id, status, savepoint, triggerTimestamp, latestAckTimestamp, acknowledged, total, endToEndMillis,
                syncMillis, asyncMillis, alignmentMillis, startDelayMillis, checkpointedSize, fullSize,
                processedInFlight, persistedInFlight, unaligned, failure, subtasks, false);
    }

    /** Why it failed, in English (the command line's words), or {@code null}; {@link #failure()} as facts. */
    public String failureCause() {
        return failure == null ? null : failure.english();
    }
}
