package org.checkpointlab.model.observe;

import java.util.List;


/**
 * One subtask (a chain of operators on one thread) at one moment.
 *
 * @param taskName                 the chain's display name
 * @param operatorIds              the operators of the chain, head first
 * @param subtaskIndex             index within the task
 * @param parallelism              the task's parallelism
 * @param status                   life cycle
 * @param barrierState             the barrier handler's state
 * @param recordsIn                records into the chain's head
 * @param recordsOut               records out of the chain's tail
 * @param busyMsPerSecond          time processing, averaged over the last seconds (sums with the next two to ~1000)
 * @param backPressuredMsPerSecond time waiting for an output buffer (credit)
 * @param idleMsPerSecond          time waiting for input
 * @param inPoolUsage              queued buffers / credits over the input channels, 0..1
 * @param outPoolUsage             queued buffers / credits over the output channels, 0..1
 * @param stateSizeBytes           approximate state size
 * @param syncPhase                in the sync phase of a checkpoint right now
 * @param asyncSnapshots           async phases running
 * @param restoredCheckpointId     the checkpoint this attempt restored from, or -1
 * @param headRecordsOut           records out of the chain's head (Flink's operator-level {@code numRecordsOut} of
 *                                 the first operator): what a source emitted, even when it is chained to a sink
 *                                 and the chain sends nothing on
 */
public record SubtaskSnapshot(String taskName, List<String> operatorIds, int subtaskIndex, int parallelism,
                              SubtaskStatus status, BarrierHandlerState barrierState, long recordsIn,
                              long recordsOut, double busyMsPerSecond, double backPressuredMsPerSecond,
                              double idleMsPerSecond, double inPoolUsage, double outPoolUsage, long stateSizeBytes,
                              boolean syncPhase, int asyncSnapshots, long restoredCheckpointId,
                              long headRecordsOut) {
    public SubtaskSnapshot {
        operatorIds = List.copyOf(operatorIds);
    }

    /** A subtask whose head's records out are not known apart from the chain's ({@code recordsOut} stands for both). */
    public SubtaskSnapshot(String taskName, List<String> operatorIds, int subtaskIndex, int parallelism,
                           SubtaskStatus status, BarrierHandlerState barrierState, long recordsIn,
                           long recordsOut, double busyMsPerSecond, double backPressuredMsPerSecond,
                           double idleMsPerSecond, double inPoolUsage, double outPoolUsage, long stateSizeBytes,
                           boolean syncPhase, int asyncSnapshots, long restoredCheckpointId) {
        this(taskName, operatorIds, subtaskIndex, parallelism, status, barrierState, recordsIn, recordsOut,
                busyMsPerSecond, backPressuredMsPerSecond, idleMsPerSecond, inPoolUsage, outPoolUsage, stateSizeBytes,
                syncPhase, asyncSnapshots, restoredCheckpointId, recordsOut);
    }

    /**
     * This subtask with {@code bytes} of state and restored from {@code checkpointId} (an engine that learns them
     * apart from the subtask's own metrics: Flink reports them per checkpoint and per job).
     */
    public SubtaskSnapshot withStateAndRestore(long bytes, long checkpointId) {
        return new SubtaskSnapshot(taskName, operatorIds, subtaskIndex, parallelism, status, barrierState, recordsIn,
                recordsOut, busyMsPerSecond, backPressuredMsPerSecond, idleMsPerSecond, inPoolUsage, outPoolUsage,
                bytes, syncPhase, asyncSnapshots, checkpointId, headRecordsOut);
    }

    /** Flink's backpressure level: OK below 10 %, LOW below 50 %, else HIGH. */
    public String backPressureLevel() {
        double ratio = backPressuredMsPerSecond / 1000.0;
        return ratio < 0.1 ? "OK" : ratio < 0.5 ? "LOW" : "HIGH";
    }
}
