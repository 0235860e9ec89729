package org.checkpointlab.model.runtime;

import java.util.BitSet;

/**
 * The mutable per-channel data of one subtask's barrier handling, shared by the {@link BarrierState}s (Flink keeps
 * it in its handler's {@code ChannelState}): which channels delivered the barrier of the checkpoint in progress,
 * which channels have ended, and up to which checkpoint barriers are stale. Task thread only.
 */
final class AlignmentContext {
    /** Number of input channels. */
    final int channels;
    /** What the states ask the subtask to do. */
    final BarrierActions actions;
    /** Channels that delivered the barrier of the checkpoint in progress. */
    private final BitSet received = new BitSet();
    /** Channels that delivered their end of partition: they count as having delivered every later barrier. */
    private final BitSet finished = new BitSet();
    /** Barriers of checkpoints up to this id are stale (completed, declined or aborted here). */
    private long lastHandledId = -1;

    AlignmentContext(int channels, BarrierActions actions) {
        this.channels = channels;
        this.actions = actions;
    }

    boolean isStale(long checkpointId) {
        return checkpointId <= lastHandledId;
    }

    boolean hasReceived(int channel) {
        return received.get(channel);
    }

    void markReceived(int channel) {
        received.set(channel);
    }

    void markFinished(int channel) {
        finished.set(channel);
    }

    /** Whether {@code channel} still owes the barrier of the checkpoint in progress. */
    boolean isPending(int channel) {
        return !received.get(channel) && !finished.get(channel);
    }

    boolean allReceived() {
        return nextPending(0) < 0;
    }

    /** The first channel from {@code from} on that still owes the barrier, or -1. */
    int nextPending(int from) {
        for (int c = from; c < channels; c++) {
            if (isPending(c)) {
                return c;
            }
        }
        return -1;
    }

    /** Channels that delivered the barrier or ended. */
    int receivedCount() {
        BitSet all = (BitSet) received.clone();
        all.or(finished);
        return all.cardinality();
    }

    /** The subtask is done with {@code checkpointId} (completed or given up): its late barriers are ignored. */
    void handled(long checkpointId) {
        lastHandledId = Math.max(lastHandledId, checkpointId);
        received.clear();
    }

    /** Checkpoints up to {@code checkpointId} were aborted: their barriers are ignored from now on. */
    void aborted(long checkpointId) {
        lastHandledId = Math.max(lastHandledId, checkpointId);
    }
}
