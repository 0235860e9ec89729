package org.checkpointlab.model.runtime;

/**
 * A checkpoint in progress at this subtask's inputs: what every collecting state shares (its barrier, when the
 * first barrier arrived, the start delay, and how it completes or is given up). Immutable; the channels' data is
 * in the {@link AlignmentContext}.
 */
abstract sealed class CollectingBarriers implements BarrierState
        permits CollectingAlignedBarriers, CollectingAtLeastOnceBarriers, CollectingUnalignedBarriers {
    final AlignmentContext context;
    final CheckpointBarrier barrier;
    /** When the first barrier of this checkpoint arrived, on the task clock. */
    final long firstBarrierNanos;
    /** Trigger to the first barrier's arrival. */
    final long startDelayNanos;

    CollectingBarriers(AlignmentContext context, CheckpointBarrier barrier, long firstBarrierNanos,
                       long startDelayNanos) {
        this.context = context;
        this.barrier = barrier;
        this.firstBarrierNanos = firstBarrierNanos;
        this.startDelayNanos = startDelayNanos;
    }

    @Override
    public final CheckpointBarrier barrier() {
        return barrier;
    }

    @Override
    public BarrierState barrierReceived(int channel, CheckpointBarrier received, long nowNanos) {
        context.markReceived(channel);
        onBarrier(channel, received, nowNanos);
        return completeIfAllReceived(nowNanos);
    }

    /** The state's own reaction to a barrier on {@code channel} (already marked received). */
    abstract void onBarrier(int channel, CheckpointBarrier received, long nowNanos);

    @Override
    public BarrierState alignmentTimeout(long nowNanos) {
        return this;
    }

    @Override
    public BarrierState channelFinished(int channel, long nowNanos) {
        return completeIfAllReceived(nowNanos);
    }

    @Override
    public BarrierState abort() {
        context.actions.unblockAllChannels();
        context.handled(barrier.checkpointId());
        return new WaitingForFirstBarrier(context);
    }

    /** Step (1) of every checkpoint here: once every channel delivered the barrier (or ended), complete it. */
    final BarrierState completeIfAllReceived(long nowNanos) {
        if (!context.allReceived()) {
            return this;
        }
        allReceived(nowNanos - firstBarrierNanos);
        context.handled(barrier.checkpointId());
        return new WaitingForFirstBarrier(context);
    }

    /** Every channel delivered the barrier, {@code alignmentNanos} after the first one did. */
    abstract void allReceived(long alignmentNanos);

    /** Aligned and at-least-once: snapshot, forward the barrier, then let blocked channels go. */
    final void snapshotAligned(long alignmentNanos) {
        context.actions.snapshot(barrier, false, alignmentNanos, startDelayNanos);
        context.actions.unblockAllChannels();
    }
}
