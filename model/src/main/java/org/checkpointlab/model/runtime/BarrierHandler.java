package org.checkpointlab.model.runtime;

import java.util.BitSet;

import org.checkpointlab.model.checkpoint.CheckpointingMode;
import org.checkpointlab.model.observe.BarrierHandlerState;
import org.checkpointlab.model.observe.BarrierHandlerState.CollectingAligned;
import org.checkpointlab.model.observe.BarrierHandlerState.CollectingAtLeastOnce;
import org.checkpointlab.model.observe.BarrierHandlerState.CollectingUnaligned;
import org.checkpointlab.model.observe.BarrierHandlerState.WaitingForFirstBarrier;

/**
 * Barrier handling of one subtask with input channels, per SEMANTICS.md:
 * <ul>
 *   <li>aligned exactly-once: a channel that delivered barrier n is blocked until barrier n arrived on every
 *       channel; then the snapshot is taken and the channels are unblocked;</li>
 *   <li>aligned at-least-once: nothing is blocked; the snapshot is taken when the last barrier arrives;</li>
 *   <li>unaligned: the snapshot is taken at the first barrier; buffers on the other channels are persisted until
 *       their barrier arrives;</li>
 *   <li>aligned with timeout: starts aligned and switches to unaligned once alignment lasts longer than the
 *       barrier's aligned-checkpoint timeout, or when an unaligned barrier for the same checkpoint arrives.</li>
 * </ul>
 * The state is an immutable {@link BarrierHandlerState}; the mutable per-channel data (which channels delivered the
 * barrier, which have finished) lives here. Task thread only, except {@link #state()}, which any observer may read.
 */
final class BarrierHandler {
    private final int channels;
    private final BarrierActions actions;
    private final BitSet received = new BitSet();
    private final BitSet finished = new BitSet();
    private volatile BarrierHandlerState state = new WaitingForFirstBarrier();
    /** The barrier being collected (for the timeout and the switch to unaligned), or null. */
    private CheckpointBarrier current;
    /** Barriers of checkpoints up to this id are stale (completed, declined or aborted here). */
    private long lastHandledId = -1;
    /** Trigger to the first barrier's arrival, for the checkpoint being collected. */
    private long startDelayNanos;

    BarrierHandler(int channels, BarrierActions actions) {
        this.channels = channels;
        this.actions = actions;
    }

    BarrierHandlerState state() {
        return state;
    }

    /** The barrier of the checkpoint being collected, or null. */
    CheckpointBarrier currentBarrier() {
        return current;
    }

    /** Barrier {@code barrier} was taken from {@code channel}. */
    void barrierReceived(int channel, CheckpointBarrier barrier, long nowNanos) {
        long id = barrier.checkpointId();
        if (id <= lastHandledId) {
            return; // a barrier of a checkpoint this subtask already finished with
        }
        if (current != null && id > current.checkpointId()) {
            // Step (0): a newer checkpoint overtook the one in progress: give the old one up (Flink aborts it).
            long old = current.checkpointId();
            abandonCurrent();
            actions.decline(old, "checkpoint " + id + " arrived before checkpoint " + old + " was aligned");
        }
        if (current == null) {
            firstBarrier(channel, barrier, nowNanos);
        } else {
            laterBarrier(channel, barrier, nowNanos);
        }
    }

    private void firstBarrier(int channel, CheckpointBarrier barrier, long now) {
        current = barrier;
        received.clear();
        received.set(channel);
        long startDelay = Math.max(0, now - barrier.triggerNanos());
        if (barrier.unaligned()) {
            actions.snapshot(barrier, true, 0, startDelay);
            state = new CollectingUnaligned(barrier.checkpointId(), now, count(), channels);
            persistOthers(barrier.checkpointId());
        } else if (barrier.mode() == CheckpointingMode.AT_LEAST_ONCE) {
            state = new CollectingAtLeastOnce(barrier.checkpointId(), now, count(), channels);
        } else {
            actions.blockChannel(channel);
            state = new CollectingAligned(barrier.checkpointId(), now, count(), channels);
        }
        this.startDelayNanos = startDelay;
        completeIfAllReceived(now);
    }

    private void laterBarrier(int channel, CheckpointBarrier barrier, long now) {
        if (received.get(channel)) {
            return;
        }
        received.set(channel);
        BarrierHandlerState s = state;
        if (s instanceof CollectingAligned a) {
            if (barrier.unaligned()) {
                // Upstream switched to unaligned: switch too (the barrier on this channel already arrived).
                switchToUnaligned(a, now);
                return;
            }
            actions.blockChannel(channel);
            state = new CollectingAligned(a.checkpointId(), a.firstBarrierNanos(), count(), channels);
        } else if (s instanceof CollectingUnaligned u) {
            actions.stopPersisting(channel, u.checkpointId());
            state = new CollectingUnaligned(u.checkpointId(), u.firstBarrierNanos(), count(), channels);
        } else if (s instanceof CollectingAtLeastOnce l) {
            state = new CollectingAtLeastOnce(l.checkpointId(), l.firstBarrierNanos(), count(), channels);
        }
        completeIfAllReceived(now);
    }

    /** Switches an aligned checkpoint to unaligned if its aligned-checkpoint timeout has passed. */
    void checkAlignmentTimeout(long nowNanos) {
        if (state instanceof CollectingAligned a && current.timeoutable()
                && nowNanos - a.firstBarrierNanos() > current.alignedTimeoutNanos()) {
            switchToUnaligned(a, nowNanos);
        }
    }

    /** When the aligned checkpoint in progress times out, in nanos on the task clock; Long.MAX_VALUE if none. */
    long alignmentDeadlineNanos() {
        if (state instanceof CollectingAligned a && current.timeoutable()) {
            return a.firstBarrierNanos() + current.alignedTimeoutNanos() + 1;
        }
        return Long.MAX_VALUE;
    }

    private void switchToUnaligned(CollectingAligned aligned, long now) {
        current = current.asUnaligned();
        actions.snapshot(current, true, now - aligned.firstBarrierNanos(), startDelayNanos);
        actions.unblockAllChannels();
        state = new CollectingUnaligned(aligned.checkpointId(), aligned.firstBarrierNanos(), count(), channels);
        persistOthers(aligned.checkpointId());
        completeIfAllReceived(now);
    }

    private void persistOthers(long checkpointId) {
        for (int c = 0; c < channels; c++) {
            if (!received.get(c) && !finished.get(c)) {
                actions.startPersisting(c, checkpointId);
            }
        }
    }

    /** {@code channel} delivered its end of partition: it counts as having delivered every later barrier. */
    void channelFinished(int channel, long nowNanos) {
        finished.set(channel);
        if (current != null) {
            if (state instanceof CollectingUnaligned u && !received.get(channel)) {
                actions.stopPersisting(channel, u.checkpointId());
            }
            completeIfAllReceived(nowNanos);
        }
    }

    /** The checkpoint was aborted (expired, or failed elsewhere): release alignment and forget it. */
    void abort(long checkpointId) {
        if (current != null && current.checkpointId() <= checkpointId) {
            abandonCurrent();
        }
        lastHandledId = Math.max(lastHandledId, checkpointId);
    }

    private void abandonCurrent() {
        if (state instanceof CollectingUnaligned u) {
            for (int c = 0; c < channels; c++) {
                if (!received.get(c) && !finished.get(c)) {
                    actions.stopPersisting(c, u.checkpointId());
                }
            }
        }
        actions.unblockAllChannels();
        lastHandledId = Math.max(lastHandledId, current.checkpointId());
        current = null;
        received.clear();
        state = new WaitingForFirstBarrier();
    }

    private void completeIfAllReceived(long now) {
        if (current == null) {
            return;
        }
        for (int c = 0; c < channels; c++) {
            if (!received.get(c) && !finished.get(c)) {
                return;
            }
        }
        BarrierHandlerState s = state;
        long alignment = now - firstBarrierNanos(s, now);
        if (s instanceof CollectingAligned || s instanceof CollectingAtLeastOnce) {
            // Step (1): every barrier is in: snapshot, forward the barrier, then let blocked channels go.
            actions.snapshot(current, false, alignment, startDelayNanos);
            actions.unblockAllChannels();
        } else {
            actions.allBarriersReceived(current.checkpointId(), alignment);
        }
        lastHandledId = current.checkpointId();
        current = null;
        received.clear();
        state = new WaitingForFirstBarrier();
    }

    private static long firstBarrierNanos(BarrierHandlerState s, long now) {
        if (s instanceof CollectingAligned a) {
            return a.firstBarrierNanos();
        }
        if (s instanceof CollectingUnaligned u) {
            return u.firstBarrierNanos();
        }
        if (s instanceof CollectingAtLeastOnce l) {
            return l.firstBarrierNanos();
        }
        return now;
    }

    private int count() {
        BitSet all = (BitSet) received.clone();
        all.or(finished);
        return all.cardinality();
    }
}
