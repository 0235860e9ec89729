package org.checkpointlab.model.checkpoint;

/**
 * How one checkpoint is taken, fixed when the coordinator triggers it (Flink's per-checkpoint
 * {@code CheckpointOptions}; {@link CheckpointOptions} here are the job's configured options it is chosen from).
 * The coordinator sends it to the source tasks with the checkpoint's id and trigger time; each task builds its
 * barrier from them, so options changed while a job runs take effect from the next checkpoint.
 *
 * @param type                checkpoint or one of the savepoint types (savepoints are always aligned)
 * @param alignment           how subtasks collect this checkpoint's barriers
 * @param alignedTimeoutNanos for {@link BarrierAlignment#ALIGNED_THEN_UNALIGNED}: switch to unaligned after
 *                            aligning this long (the configured option; unused by the other alignments)
 */
public record SnapshotOptions(SnapshotType type, BarrierAlignment alignment, long alignedTimeoutNanos) {

    public SnapshotOptions {
        if (type == null || alignment == null) {
            throw new IllegalArgumentException("a checkpoint needs a snapshot type and an alignment, got " + type
                    + " and " + alignment);
        }
        if (alignment == BarrierAlignment.ALIGNED_THEN_UNALIGNED && alignedTimeoutNanos <= 0) {
            throw new IllegalArgumentException("a checkpoint that switches to unaligned after a timeout needs a"
                    + " timeout above 0, but the timeout is " + alignedTimeoutNanos + " ns");
        }
    }

    /** A checkpoint of {@code type} under the job's {@code options} (alignment by {@link BarrierAlignment#choose}). */
    public static SnapshotOptions of(SnapshotType type, CheckpointOptions options) {
        return new SnapshotOptions(type,
                BarrierAlignment.choose(options.mode(), options.unaligned(), options.alignedTimeout(), type),
                options.alignedTimeout().toNanos());
    }

    /** These options with the barriers overtaking in-flight data, as after an alignment timeout. */
    public SnapshotOptions toUnaligned() {
        return alignment == BarrierAlignment.UNALIGNED ? this
                : new SnapshotOptions(type, BarrierAlignment.UNALIGNED, alignedTimeoutNanos);
    }
}
