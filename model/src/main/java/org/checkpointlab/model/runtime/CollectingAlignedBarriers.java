package org.checkpointlab.model.runtime;

import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * Aligned exactly-once: a channel that delivered the barrier is blocked (its later records wait) until the barrier
 * arrived on every channel; then the snapshot is taken and every channel unblocked. Never switches to unaligned
 * (see {@link CollectingAlignedBarriersWithTimeout} for the variant that does).
 */
sealed class CollectingAlignedBarriers extends CollectingBarriers permits CollectingAlignedBarriersWithTimeout {

    CollectingAlignedBarriers(AlignmentContext context, CheckpointBarrier barrier, long firstBarrierNanos,
                              long startDelayNanos) {
        super(context, barrier, firstBarrierNanos, startDelayNanos);
    }

    @Override
    void onBarrier(int channel, CheckpointBarrier received, long nowNanos) {
        context.actions.blockChannel(channel);
    }

    @Override
    void allReceived(long alignmentNanos) {
        snapshotAligned(alignmentNanos);
    }

    @Override
    public BarrierHandlerState observe() {
        return new BarrierHandlerState.CollectingAligned(barrier.checkpointId(), firstBarrierNanos,
                context.receivedCount(), context.channels);
    }
}
