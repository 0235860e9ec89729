package org.checkpointlab.model.runtime;

import org.checkpointlab.model.checkpoint.BarrierAlignment;
import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.checkpoint.SnapshotOptions;
import org.checkpointlab.model.checkpoint.SnapshotType;

/**
 * Checkpoint barrier {@code n}, injected by sources when checkpoint {@code n} is triggered and forwarded by every
 * subtask after its snapshot (Flink's network-stack {@code CheckpointBarrier}). A source task builds it from the
 * trigger the coordinator sent: the checkpoint's id, trigger time and {@link SnapshotOptions}, fixed when it was
 * triggered, so options changed while a job runs take effect from the next checkpoint.
 *
 * @param checkpointId     checkpoint id n
 * @param triggerTimestamp wall-clock trigger time (epoch ms)
 * @param triggerNanos     trigger time on the job's nano clock, for start delay
 * @param options          the snapshot type (savepoints are always aligned) and how subtasks collect this
 *                         checkpoint's barriers, chosen once at the trigger; {@link BarrierAlignment#UNALIGNED}
 *                         barriers overtake in-flight data (a priority element in the channel)
 */
public record CheckpointBarrier(long checkpointId, long triggerTimestamp, long triggerNanos, SnapshotOptions options)
        implements ChannelElement {

    public CheckpointBarrier {
        if (options == null) {
            throw new IllegalArgumentException("barrier " + checkpointId + " needs snapshot options");
        }
    }

    /**
     * A barrier of {@code type} collected as {@code alignment} says; {@code alignedTimeoutNanos}: for
     * {@link BarrierAlignment#ALIGNED_THEN_UNALIGNED}, switch to unaligned after aligning this long.
     */
    public CheckpointBarrier(long checkpointId, long triggerTimestamp, long triggerNanos, SnapshotType type,
                             BarrierAlignment alignment, long alignedTimeoutNanos) {
        this(checkpointId, triggerTimestamp, triggerNanos, new SnapshotOptions(type, alignment, alignedTimeoutNanos));
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

    /** Checkpoint or one of the savepoint types. */
    public SnapshotType type() {
        return options.type();
    }

    /** How subtasks collect this checkpoint's barriers, chosen once at the trigger. */
    public BarrierAlignment alignment() {
        return options.alignment();
    }

    /** For {@link BarrierAlignment#ALIGNED_THEN_UNALIGNED}: switch to unaligned after aligning this long. */
    public long alignedTimeoutNanos() {
        return options.alignedTimeoutNanos();
    }

    /** Exactly-once or at-least-once. */
    public CheckpointingMode mode() {
        return options.alignment().mode();
    }

    /** Whether the barrier overtakes in-flight data (a priority element in the channel). */
    public boolean unaligned() {
        return options.alignment() == BarrierAlignment.UNALIGNED;
    }

    /** Whether this barrier belongs to a savepoint (of any kind). */
    public boolean savepoint() {
        return options.type().isSavepoint();
    }

    /** This barrier, turned into a priority (unaligned) barrier, as after an alignment timeout. */
    public CheckpointBarrier asUnaligned() {
        return unaligned() ? this
                : new CheckpointBarrier(checkpointId, triggerTimestamp, triggerNanos, options.toUnaligned());
    }

    /** Whether a subtask aligning on this barrier may switch to unaligned after a timeout. */
    public boolean timeoutable() {
        return options.alignment() == BarrierAlignment.ALIGNED_THEN_UNALIGNED;
    }
}
