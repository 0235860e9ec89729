package org.checkpointlab.model.observe;

/** One element of a channel as an observer sees it, head (next to be consumed) first. */
public sealed interface ChannelElementView {

    /**
     * A buffer of records.
     *
     * @param records   records in it
     * @param capacity  records it can hold
     * @param persisted whether an unaligned checkpoint captured it as in-flight data
     */
    record BufferView(int records, int capacity, boolean persisted) implements ChannelElementView {
    }

    /** Checkpoint barrier {@code checkpointId}; {@code unaligned} barriers overtake buffers. */
    record BarrierView(long checkpointId, boolean unaligned, boolean savepoint) implements ChannelElementView {
    }

    /** The sender finished; nothing follows. */
    record EndOfPartitionView() implements ChannelElementView {
    }
}
