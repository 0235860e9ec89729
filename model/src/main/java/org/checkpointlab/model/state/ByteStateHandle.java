package org.checkpointlab.model.state;

/** State bytes kept in memory (the job manager's checkpoint storage). */
public record ByteStateHandle(byte[] data) implements StateHandle {
    @Override
    public byte[] read() {
        return data;
    }

    @Override
    public long size() {
        return data.length;
    }

    @Override
    public void discard() {
        // memory is reclaimed by the garbage collector
    }
}
