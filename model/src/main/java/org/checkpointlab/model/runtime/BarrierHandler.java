package org.checkpointlab.model.runtime;

import org.checkpointlab.model.checkpoint.BarrierAlignment;
import org.checkpointlab.model.observe.BarrierHandlerState;

/**
 * Barrier handling of one subtask with input channels (Flink's {@code SingleCheckpointBarrierHandler}), per
 * SEMANTICS.md. Each checkpoint's {@link BarrierAlignment}, chosen once when it was triggered, picks the state that
 * collects its barriers:
 * <ul>
 *   <li>{@link CollectingAlignedBarriers}: aligned exactly-once, a channel that delivered barrier n is blocked until
 *       barrier n arrived on every channel; then the snapshot is taken and the channels are unblocked;</li>
 *   <li>{@link CollectingAtLeastOnceBarriers}: nothing is blocked; the snapshot is taken when the last barrier
 *       arrives;</li>
 *   <li>{@link CollectingUnalignedBarriers}: the snapshot is taken at the first barrier; buffers on the other
 *       channels are persisted until their barrier arrives;</li>
 *   <li>{@link CollectingAlignedBarriersWithTimeout}: starts aligned and switches to unaligned once alignment lasts
 *       longer than the aligned-checkpoint timeout, or when an unaligned barrier of the same checkpoint arrives.</li>
 * </ul>
 * This class keeps what is common to every state: stale barriers (of checkpoints already completed, declined or
 * aborted here) are dropped, a newer checkpoint's barrier gives up the one in progress, and a second barrier on
 * the same channel is ignored. Task thread only, except {@link #state()}, which any observer may read.
 */
final class BarrierHandler {
    private final AlignmentContext context;
    private BarrierState current;
    /** What {@link #current} looks like to front ends, published after every event. */
    private volatile BarrierHandlerState observed;

    BarrierHandler(int channels, BarrierActions actions) {
        this.context = new AlignmentContext(channels, actions);
        moveTo(new WaitingForFirstBarrier(context));
    }

    BarrierHandlerState state() {
        return observed;
    }

    /** The barrier of the checkpoint being collected, or null. */
    CheckpointBarrier currentBarrier() {
        return current.barrier();
    }

    /** Barrier {@code barrier} was taken from {@code channel}. */
    void barrierReceived(int channel, CheckpointBarrier barrier, long nowNanos) {
        long id = barrier.checkpointId();
        if (context.isStale(id)) {
            return; // a barrier of a checkpoint this subtask already finished with
        }
        CheckpointBarrier collecting = current.barrier();
        if (collecting != null && id > collecting.checkpointId()) {
            // Step (0): a newer checkpoint overtook the one in progress: give the old one up (Flink aborts it).
            long old = collecting.checkpointId();
            moveTo(current.abort());
            context.actions.decline(old, org.checkpointlab.model.checkpoint.DeclineReason.newerBarrier(id, old));
        } else if (collecting != null && context.hasReceived(channel)) {
            return;
        }
        moveTo(current.barrierReceived(channel, barrier, nowNanos));
    }

    /** Switches an aligned checkpoint to unaligned if its aligned-checkpoint timeout has passed. */
    void checkAlignmentTimeout(long nowNanos) {
        BarrierState next = current.alignmentTimeout(nowNanos);
        if (next != current) {
            moveTo(next);
        }
    }

    /** When the aligned checkpoint in progress times out, in nanos on the task clock; Long.MAX_VALUE if none. */
    long alignmentDeadlineNanos() {
        return current.alignmentDeadlineNanos();
    }

    /** {@code channel} delivered its end of partition: it counts as having delivered every later barrier. */
    void channelFinished(int channel, long nowNanos) {
        context.markFinished(channel);
        moveTo(current.channelFinished(channel, nowNanos));
    }

    /** The checkpoint was aborted (expired, or failed elsewhere): release alignment and forget it. */
    void abort(long checkpointId) {
        CheckpointBarrier collecting = current.barrier();
        if (collecting != null && collecting.checkpointId() <= checkpointId) {
            moveTo(current.abort());
        }
        context.aborted(checkpointId);
    }

    private void moveTo(BarrierState next) {
        current = next;
        observed = next.observe();
    }
}
