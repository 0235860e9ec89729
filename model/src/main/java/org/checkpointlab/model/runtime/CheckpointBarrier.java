package org.checkpointlab.model.runtime;

import org.checkpointlab.model.checkpoint.CheckpointingMode;

/**
 * Checkpoint barrier {@code n}, injected by sources when checkpoint {@code n} is triggered and forwarded by every
 * subtask after its snapshot. It carries the checkpoint's settings, fixed when it was triggered, so options changed
 * while a job runs take effect from the next checkpoint.
 *
 * @param checkpointId         checkpoint id n
 * @param triggerTimestamp     wall-clock trigger time (epoch ms)
 * @param triggerNanos         trigger time on the job's nano clock, for start delay
 * @param mode                 exactly-once or at-least-once
 * @param unaligned            whether the barrier overtakes in-flight data (a priority element in the channel)
 * @param alignedTimeoutNanos  with unaligned checkpointing on: align first, switch to unaligned after this long
 *                             (0 = unaligned from the start; ignored when unaligned checkpointing is off)
 * @param unalignedAllowed     whether unaligned checkpointing is on for this checkpoint
 * @param type                 checkpoint or one of the savepoint types (savepoints are always aligned)
 */
public record CheckpointBarrier(long checkpointId, long triggerTimestamp, long triggerNanos, CheckpointingMode mode,
                                boolean unaligned, long alignedTimeoutNanos, boolean unalignedAllowed,
                                SnapshotType type) implements ChannelElement {

    /** Whether this barrier belongs to a savepoint (of any kind). */
    public boolean savepoint() {
        return type.isSavepoint();
    }

    /** This barrier, turned into a priority (unaligned) barrier, as after an alignment timeout. */
    public CheckpointBarrier asUnaligned() {
        return unaligned ? this : new CheckpointBarrier(checkpointId, triggerTimestamp, triggerNanos, mode, true,
                alignedTimeoutNanos, unalignedAllowed, type);
    }

    /** Whether a subtask aligning on this barrier may switch to unaligned after a timeout. */
    public boolean timeoutable() {
        return !unaligned && unalignedAllowed && !savepoint() && alignedTimeoutNanos > 0;
    }
}
