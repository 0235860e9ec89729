package org.checkpointlab.model.observe;

import java.util.List;

import org.checkpointlab.model.checkpoint.CheckpointStats;

/**
 * The whole job at one moment, immutable, for observers (the UI reads one per frame).
 *
 * @param takenAtNanos nano time when the snapshot was taken
 * @param status       job status
 * @param attempt      deployment attempt (0 first, +1 per restart)
 * @param subtasks     every subtask
 * @param channels     every channel, with its queued buffers and barriers
 * @param checkpoints  checkpoint history, by id
 * @param failures     exception history, oldest first
 * @param restarts     recoveries, oldest first
 * @param nextRestartAtMillis while RESTARTING, when the tasks will be deployed again (epoch ms); else -1
 * @param paused       whether processing is paused
 * @param speed        1.0 at full speed, lower in slow motion
 * @param startedFromSavepointId the savepoint the job started from (Flink's latest restore of type savepoint), or -1:
 *                     a subtask or a restart whose restored id is this one restored that savepoint, not a checkpoint
 */
public record JobSnapshot(long takenAtNanos, JobStatus status, int attempt, List<SubtaskSnapshot> subtasks,
                          List<ChannelSnapshot> channels, List<CheckpointStats> checkpoints,
                          List<FailureEvent> failures, List<RestartEvent> restarts, long nextRestartAtMillis,
                          boolean paused, double speed, long startedFromSavepointId) {
    public JobSnapshot {
        subtasks = List.copyOf(subtasks);
        channels = List.copyOf(channels);
        checkpoints = List.copyOf(checkpoints);
        failures = List.copyOf(failures);
        restarts = List.copyOf(restarts);
    }

    /** A job that did not start from a savepoint. */
    public JobSnapshot(long takenAtNanos, JobStatus status, int attempt, List<SubtaskSnapshot> subtasks,
                       List<ChannelSnapshot> channels, List<CheckpointStats> checkpoints, List<FailureEvent> failures,
                       List<RestartEvent> restarts, long nextRestartAtMillis, boolean paused, double speed) {
        this(takenAtNanos, status, attempt, subtasks, channels, checkpoints, failures, restarts, nextRestartAtMillis,
                paused, speed, -1);
    }

    /** Whether restored id {@code checkpointId} (of a subtask or a restart) is the savepoint the job started from. */
    public boolean isStartSavepoint(long checkpointId) {
        return checkpointId > 0 && checkpointId == startedFromSavepointId;
    }
}
