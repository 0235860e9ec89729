package org.checkpointlab.model.checkpoint;

import java.time.Duration;

/**
 * How the subtasks handle the barriers of one checkpoint, chosen once when the coordinator triggers it (Flink's
 * {@code CheckpointOptions.AlignmentType} together with the aligned-checkpoint timeout). Each constant names the
 * barrier-handler state that collects its barriers.
 */
public enum BarrierAlignment {
    /** At-least-once: no channel is blocked; the snapshot is taken when the last barrier arrives. */
    AT_LEAST_ONCE,
    /** Aligned exactly-once: a channel that delivered the barrier is blocked until every channel did. */
    ALIGNED,
    /**
     * Aligned exactly-once with an aligned-checkpoint timeout: starts aligned and switches to unaligned once the
     * alignment lasts longer than the timeout (or when an unaligned barrier of the same checkpoint arrives).
     */
    ALIGNED_THEN_UNALIGNED,
    /** Unaligned exactly-once: the barrier overtakes in-flight data and the snapshot is taken at the first one. */
    UNALIGNED;

    /**
     * The alignment of a checkpoint of {@code type} under these options, per SEMANTICS.md: savepoints are always
     * aligned exactly-once; unaligned applies to exactly-once only; with an aligned-checkpoint timeout above zero
     * the checkpoint starts aligned.
     */
    public static BarrierAlignment choose(CheckpointingMode mode, boolean unalignedEnabled, Duration alignedTimeout,
                                          SnapshotType type) {
        if (type.isSavepoint()) {
            return ALIGNED;
        }
        if (mode == CheckpointingMode.AT_LEAST_ONCE) {
            return AT_LEAST_ONCE; // as Flink: unaligned applies to exactly-once only (options validation says so)
        }
        if (!unalignedEnabled) {
            return ALIGNED;
        }
        return alignedTimeout.isZero() || alignedTimeout.isNegative() ? UNALIGNED : ALIGNED_THEN_UNALIGNED;
    }

    /** The guarantee barriers of this alignment give. */
    public CheckpointingMode mode() {
        return this == AT_LEAST_ONCE ? CheckpointingMode.AT_LEAST_ONCE : CheckpointingMode.EXACTLY_ONCE;
    }
}
