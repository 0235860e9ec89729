package org.checkpointlab.model.runtime;

/**
 * Aligned exactly-once that may switch to unaligned (Flink's alternating checkpoints): it aligns as
 * {@link CollectingAlignedBarriers} until the alignment lasts longer than the barrier's aligned-checkpoint timeout,
 * or until an unaligned barrier of the same checkpoint arrives (an upstream subtask switched); then it snapshots
 * at once as unaligned and goes on in {@link CollectingUnalignedBarriers}.
 */
final class CollectingAlignedBarriersWithTimeout extends CollectingAlignedBarriers {

    CollectingAlignedBarriersWithTimeout(AlignmentContext context, CheckpointBarrier barrier, long firstBarrierNanos,
                                         long startDelayNanos) {
        super(context, barrier, firstBarrierNanos, startDelayNanos);
    }

    @Override
    public BarrierState barrierReceived(int channel, CheckpointBarrier received, long nowNanos) {
        if (received.unaligned()) {
            // Upstream switched to unaligned: switch too (the barrier on this channel has arrived).
            context.markReceived(channel);
            return CollectingUnalignedBarriers.switchFromAligned(this, nowNanos);
        }
        return super.barrierReceived(channel, received, nowNanos);
    }

    @Override
    public BarrierState alignmentTimeout(long nowNanos) {
        if (nowNanos - firstBarrierNanos > barrier.alignedTimeoutNanos()) {
            return CollectingUnalignedBarriers.switchFromAligned(this, nowNanos);
        }
        return this;
    }

    @Override
    public long alignmentDeadlineNanos() {
        return firstBarrierNanos + barrier.alignedTimeoutNanos() + 1;
    }
}
