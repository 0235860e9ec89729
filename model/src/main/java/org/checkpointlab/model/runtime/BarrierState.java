package org.checkpointlab.model.runtime;

import org.checkpointlab.model.checkpoint.BarrierAlignment;
import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * One state of a subtask's barrier handling, with its behaviour (Flink's {@code BarrierHandlerState}): each event
 * returns the next state. {@link WaitingForFirstBarrier} starts a checkpoint in the collecting state its barrier's
 * {@link BarrierAlignment} names; the collecting states end in {@link WaitingForFirstBarrier} once every channel
 * delivered the barrier or the checkpoint was given up. The per-channel data is in the shared
 * {@link AlignmentContext}. Task thread only; observers read {@link #observe} results.
 */
sealed interface BarrierState permits WaitingForFirstBarrier, CollectingBarriers {

    /** Barrier {@code barrier} of a checkpoint not yet handled arrived on {@code channel}, first time there. */
    BarrierState barrierReceived(int channel, CheckpointBarrier barrier, long nowNanos);

    /** The task clock says {@code nowNanos}: an aligned checkpoint whose timeout passed switches to unaligned. */
    BarrierState alignmentTimeout(long nowNanos);

    /** {@code channel} ended (end of partition); the context already counts it as finished. */
    BarrierState channelFinished(int channel, long nowNanos);

    /** The checkpoint in progress is given up: release what it holds here. */
    BarrierState abort();

    /** The barrier of the checkpoint being collected, or null. */
    CheckpointBarrier barrier();

    /** When {@link #alignmentTimeout} would switch, on the task clock; Long.MAX_VALUE if it never does. */
    default long alignmentDeadlineNanos() {
        return Long.MAX_VALUE;
    }

    /** This state as the engine-neutral record front ends draw. */
    BarrierHandlerState observe();
}
