package org.checkpointlab.model.checkpoint;

/**
 * What one subtask reported for one checkpoint. Times in milliseconds; -1 where not (yet) known.
 *
 * @param operatorId          the first operator of the subtask's task (its chain head)
 * @param subtaskIndex        subtask index within the task
 * @param ackTimestamp        wall-clock time of the acknowledgement (epoch ms), -1 while pending
 * @param endToEndMillis      trigger to acknowledgement
 * @param syncMillis          sync phase (task thread stopped)
 * @param asyncMillis         async phase (writing the snapshot while processing goes on)
 * @param alignmentMillis     first barrier to last barrier (0 for sources and single-input unaligned)
 * @param startDelayMillis    trigger to the first barrier's arrival (0 for sources)
 * @param checkpointedSize    bytes persisted by this checkpoint (incremental: the delta)
 * @param fullSize            bytes of the full state
 * @param processedInFlight   bytes of records processed during alignment
 * @param persistedInFlight   bytes of in-flight buffers persisted (unaligned)
 * @param unaligned           whether this subtask took the checkpoint unaligned
 */
public record SubtaskCheckpointStats(String operatorId, int subtaskIndex, long ackTimestamp, long endToEndMillis,
                                     long syncMillis, long asyncMillis, long alignmentMillis, long startDelayMillis,
                                     long checkpointedSize, long fullSize, long processedInFlight,
                                     long persistedInFlight, boolean unaligned) {
}
