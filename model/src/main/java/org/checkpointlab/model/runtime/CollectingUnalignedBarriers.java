package org.checkpointlab.model.runtime;

import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * Unaligned: the snapshot was taken at the first barrier (or at the switch from aligned); every buffer consumed from
 * a channel whose barrier has not arrived yet is persisted as input in-flight data until it does. Nothing is
 * blocked.
 */
final class CollectingUnalignedBarriers extends CollectingBarriers {

    private CollectingUnalignedBarriers(AlignmentContext context, CheckpointBarrier barrier, long firstBarrierNanos,
                                        long startDelayNanos) {
        super(context, barrier, firstBarrierNanos, startDelayNanos);
    }

    /** The first barrier of an unaligned checkpoint arrived on {@code channel}: snapshot now, persist the rest. */
    static BarrierState snapshotAtFirstBarrier(AlignmentContext context, int channel, CheckpointBarrier barrier,
                                               long nowNanos, long startDelayNanos) {
        context.markReceived(channel);
        context.actions.snapshot(barrier, true, 0, startDelayNanos);
        return new CollectingUnalignedBarriers(context, barrier, nowNanos, startDelayNanos).persistPending(nowNanos);
    }

    /** An aligned checkpoint timed out (or met an unaligned barrier): snapshot as unaligned, release, persist. */
    static BarrierState switchFromAligned(CollectingAlignedBarriers aligned, long nowNanos) {
        AlignmentContext context = aligned.context;
        CheckpointBarrier unaligned = aligned.barrier.asUnaligned();
        context.actions.snapshot(unaligned, true, nowNanos - aligned.firstBarrierNanos, aligned.startDelayNanos);
        context.actions.unblockAllChannels();
        return new CollectingUnalignedBarriers(context, unaligned, aligned.firstBarrierNanos, aligned.startDelayNanos)
                .persistPending(nowNanos);
    }

    private BarrierState persistPending(long nowNanos) {
        for (int c = context.nextPending(0); c >= 0; c = context.nextPending(c + 1)) {
            context.actions.startPersisting(c, barrier.checkpointId());
        }
        return completeIfAllReceived(nowNanos);
    }

    @Override
    void onBarrier(int channel, CheckpointBarrier received, long nowNanos) {
        context.actions.stopPersisting(channel, barrier.checkpointId());
    }

    @Override
    public BarrierState channelFinished(int channel, long nowNanos) {
        if (!context.hasReceived(channel)) {
            context.actions.stopPersisting(channel, barrier.checkpointId());
        }
        return completeIfAllReceived(nowNanos);
    }

    @Override
    public BarrierState abort() {
        for (int c = context.nextPending(0); c >= 0; c = context.nextPending(c + 1)) {
            context.actions.stopPersisting(c, barrier.checkpointId());
        }
        return super.abort();
    }

    @Override
    void allReceived(long alignmentNanos) {
        context.actions.allBarriersReceived(barrier.checkpointId(), alignmentNanos);
    }

    @Override
    public BarrierHandlerState observe() {
        return new BarrierHandlerState.CollectingUnaligned(barrier.checkpointId(), firstBarrierNanos,
                context.receivedCount(), context.channels);
    }
}
