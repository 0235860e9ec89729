package org.checkpointlab.model.runtime;

import org.checkpointlab.model.checkpoint.BarrierAlignment;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SnapshotType;

/**
 * Checkpoint barrier {@code n}, injected by sources when checkpoint {@code n} is triggered and forwarded by every
 * subtask after its snapshot. It carries the checkpoint's settings, fixed when it was triggered, so options changed
 * while a job runs take effect from the next checkpoint.
 *
 * @param checkpointId         checkpoint id n
 * @param triggerTimestamp     wall-clock trigger time (epoch ms)
 * @param triggerNanos         trigger time on the job's nano clock, for start delay
 * @param type                 checkpoint or one of the savepoint types (savepoints are always aligned)
 * @param alignment            how subtasks collect this checkpoint's barriers, chosen once at the trigger;
 *                             {@link BarrierAlignment#UNALIGNED} barriers overtake in-flight data (a priority
 *                             element in the channel)
 * @param alignedTimeoutNanos  for {@link BarrierAlignment#ALIGNED_THEN_UNALIGNED}: switch to unaligned after
 *                             aligning this long (the configured option; unused by the other alignments)
 */
public record CheckpointBarrier(long checkpointId, long triggerTimestamp, long triggerNanos, SnapshotType type,
                                BarrierAlignment alignment, long alignedTimeoutNanos) implements ChannelElement {

    public CheckpointBarrier {
        if (type == null || alignment == null) {
            throw new IllegalArgumentException("barrier " + checkpointId + " needs a snapshot type and an alignment");
        }
        if (alignment == BarrierAlignment.ALIGNED_THEN_UNALIGNED && alignedTimeoutNanos <= 0) {
            throw new IllegalArgumentException("barrier " + checkpointId + " switches to unaligned after a timeout,"
                    + " but the timeout is " + alignedTimeoutNanos + " ns");
        }
    }

    /** A barrier described by the flags it used to carry: each combination maps to exactly one alignment. */
    public CheckpointBarrier(long checkpointId, long triggerTimestamp, long triggerNanos, CheckpointingMode mode,
                             boolean unaligned, long alignedTimeoutNanos, boolean unalignedAllowed,
                             SnapshotType type) {
        this(checkpointId, triggerTimestamp, triggerNanos, type,
                alignmentOf(mode, unaligned, alignedTimeoutNanos, unalignedAllowed, type), alignedTimeoutNanos);
    }

    private static BarrierAlignment alignmentOf(CheckpointingMode mode, boolean unaligned, long alignedTimeoutNanos,
                                                boolean unalignedAllowed, SnapshotType type) {
        if (unaligned) {
            return BarrierAlignment.UNALIGNED;
        }
        if (mode == CheckpointingMode.AT_LEAST_ONCE) {
            return BarrierAlignment.AT_LEAST_ONCE;
        }
        return unalignedAllowed && !type.isSavepoint() && alignedTimeoutNanos > 0
                ? BarrierAlignment.ALIGNED_THEN_UNALIGNED : BarrierAlignment.ALIGNED;
    }

    /** Exactly-once or at-least-once. */
    public CheckpointingMode mode() {
        return alignment.mode();
    }

    /** Whether the barrier overtakes in-flight data (a priority element in the channel). */
    public boolean unaligned() {
        return alignment == BarrierAlignment.UNALIGNED;
    }

    /** Whether this barrier belongs to a savepoint (of any kind). */
    public boolean savepoint() {
        return type.isSavepoint();
    }

    /** This barrier, turned into a priority (unaligned) barrier, as after an alignment timeout. */
    public CheckpointBarrier asUnaligned() {
        return unaligned() ? this : new CheckpointBarrier(checkpointId, triggerTimestamp, triggerNanos, type,
                BarrierAlignment.UNALIGNED, alignedTimeoutNanos);
    }

    /** Whether a subtask aligning on this barrier may switch to unaligned after a timeout. */
    public boolean timeoutable() {
        return alignment == BarrierAlignment.ALIGNED_THEN_UNALIGNED;
    }
}
