package org.checkpointlab.model.runtime;

import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * Aligned at-least-once: no channel is blocked, so records after an early barrier are processed (and replayed after
 * a failure); the snapshot is taken when the last barrier arrives.
 */
final class CollectingAtLeastOnceBarriers extends CollectingBarriers {

    CollectingAtLeastOnceBarriers(AlignmentContext context, CheckpointBarrier barrier, long firstBarrierNanos,
                                  long startDelayNanos) {
        super(context, barrier, firstBarrierNanos, startDelayNanos);
    }

    @Override
    void onBarrier(int channel, CheckpointBarrier received, long nowNanos) {
        // nothing to block
    }

    @Override
    void allReceived(long alignmentNanos) {
        snapshotAligned(alignmentNanos);
    }

    @Override
    public BarrierHandlerState observe() {
        return new BarrierHandlerState.CollectingAtLeastOnce(barrier.checkpointId(), firstBarrierNanos,
                context.receivedCount(), context.channels);
    }
}
