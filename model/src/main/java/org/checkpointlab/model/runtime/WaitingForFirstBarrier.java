package org.checkpointlab.model.runtime;

import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * No checkpoint in progress at this subtask's inputs. The first barrier of a checkpoint starts it in the collecting
 * state its alignment names (the choice made once at the trigger, as Flink's {@code SingleCheckpointBarrierHandler}
 * factories {@code aligned()}, {@code unaligned()}, {@code alternating()} make it once per job).
 */
final class WaitingForFirstBarrier implements BarrierState {
    private static final BarrierHandlerState OBSERVED = new BarrierHandlerState.WaitingForFirstBarrier();
    private final AlignmentContext context;

    WaitingForFirstBarrier(AlignmentContext context) {
        this.context = context;
    }

    @Override
    public BarrierState barrierReceived(int channel, CheckpointBarrier barrier, long nowNanos) {
        long startDelay = Math.max(0, nowNanos - barrier.triggerNanos());
        return switch (barrier.alignment()) {
            case AT_LEAST_ONCE -> new CollectingAtLeastOnceBarriers(context, barrier, nowNanos, startDelay)
                    .barrierReceived(channel, barrier, nowNanos);
            case ALIGNED -> new CollectingAlignedBarriers(context, barrier, nowNanos, startDelay)
                    .barrierReceived(channel, barrier, nowNanos);
            case ALIGNED_THEN_UNALIGNED -> new CollectingAlignedBarriersWithTimeout(context, barrier, nowNanos,
                    startDelay).barrierReceived(channel, barrier, nowNanos);
            case UNALIGNED -> CollectingUnalignedBarriers.snapshotAtFirstBarrier(context, channel, barrier, nowNanos,
                    startDelay);
        };
    }

    @Override
    public BarrierState alignmentTimeout(long nowNanos) {
        return this;
    }

    @Override
    public BarrierState channelFinished(int channel, long nowNanos) {
        return this;
    }

    @Override
    public BarrierState abort() {
        return this;
    }

    @Override
    public CheckpointBarrier barrier() {
        return null;
    }

    @Override
    public BarrierHandlerState observe() {
        return OBSERVED;
    }
}
