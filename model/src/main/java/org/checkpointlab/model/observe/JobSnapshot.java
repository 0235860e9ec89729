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
 */
public record JobSnapshot(long takenAtNanos, JobStatus status, int attempt, List<SubtaskSnapshot> subtasks,
                          List<ChannelSnapshot> channels, List<CheckpointStats> checkpoints,
                          List<FailureEvent> failures, List<RestartEvent> restarts, long nextRestartAtMillis,
                          boolean paused, double speed) {
    public JobSnapshot {
        subtasks = List.copyOf(subtasks);
        channels = List.copyOf(channels);
        checkpoints = List.copyOf(checkpoints);
        failures = List.copyOf(failures);
        restarts = List.copyOf(restarts);
    }
}
