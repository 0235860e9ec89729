package org.checkpointlab.model.observe;

/**
 * One recovery of the job.
 *
 * @param failureTimestamp     when the failure happened (epoch ms)
 * @param restoreTimestamp     when the tasks were deployed again (epoch ms)
 * @param restoredCheckpointId the checkpoint (or savepoint) restored from; 0 when none (sources start over)
 * @param delayMillis          the restart strategy's delay
 */
public record RestartEvent(long failureTimestamp, long restoreTimestamp, long restoredCheckpointId,
                           long delayMillis) {
}
