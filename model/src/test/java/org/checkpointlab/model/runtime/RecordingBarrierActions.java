package org.checkpointlab.model.runtime;

import java.util.ArrayList;
import java.util.List;

/** Records a barrier handler's requests as readable lines, in order (Flink's {@code ValidatingCheckpointHandler}). */
final class RecordingBarrierActions implements BarrierActions {
    final List<String> log = new ArrayList<>();
    /** The barriers handed to {@link #snapshot}, in order. */
    final List<CheckpointBarrier> snapshotted = new ArrayList<>();
    /** The start delays handed to {@link #snapshot}, in order. */
    final List<Long> startDelays = new ArrayList<>();

    @Override
    public void blockChannel(int channel) {
        log.add("block " + channel);
    }

    @Override
    public void unblockAllChannels() {
        log.add("unblock all");
    }

    @Override
    public void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos, long startDelay) {
        snapshotted.add(barrier);
        startDelays.add(startDelay);
        log.add("snapshot " + barrier.checkpointId() + (unaligned ? " unaligned" : " aligned") + " alignment="
                + alignmentNanos);
    }

    @Override
    public void startPersisting(int channel, long checkpointId) {
        log.add("persist " + channel + " of " + checkpointId);
    }

    @Override
    public void stopPersisting(int channel, long checkpointId) {
        log.add("stop " + channel + " of " + checkpointId);
    }

    @Override
    public void allBarriersReceived(long checkpointId, long alignmentNanos) {
        log.add("all barriers of " + checkpointId + " after " + alignmentNanos);
    }

    @Override
    public void decline(long checkpointId, org.checkpointlab.model.checkpoint.DeclineReason reason) {
        log.add("decline " + checkpointId);
    }
}
