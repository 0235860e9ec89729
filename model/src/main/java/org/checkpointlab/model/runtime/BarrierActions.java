package org.checkpointlab.model.runtime;

/** What a {@link BarrierHandler} asks its subtask to do. Called on the subtask's task thread. */
interface BarrierActions {

    /** Stop consuming from {@code channel} until {@link #unblockAllChannels()} (aligned exactly-once). */
    void blockChannel(int channel);

    void unblockAllChannels();

    /**
     * Take the snapshot for {@code barrier} now (sync phase) and forward the barrier on every output. With
     * {@code unaligned}, the barrier goes out as a priority element and in-flight data is persisted.
     *
     * @param alignmentNanos  first barrier to now (0 for the first and only barrier)
     * @param startDelayNanos trigger to the first barrier's arrival
     */
    void snapshot(CheckpointBarrier barrier, boolean unaligned, long alignmentNanos, long startDelayNanos);

    /** Unaligned: from now on persist every buffer consumed from {@code channel} until its barrier arrives. */
    void startPersisting(int channel, long checkpointId);

    /** Unaligned: the barrier arrived on {@code channel}; its input in-flight data is complete. */
    void stopPersisting(int channel, long checkpointId);

    /** Unaligned: every channel delivered its barrier; the in-flight data of the checkpoint is complete. */
    void allBarriersReceived(long checkpointId, long alignmentNanos);

    /** A newer barrier arrived while {@code checkpointId} was in progress here: that checkpoint is given up. */
    void decline(long checkpointId, org.checkpointlab.model.checkpoint.DeclineReason reason);
}
