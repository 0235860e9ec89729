package org.checkpointlab.model.state;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The async part of a keyed snapshot written in the canonical {@link KeyGroupStateFormat}, key group by key group in
 * ascending order; what every backend's full snapshot shares. The subclass holds what the sync phase captured and
 * writes one key group's states; this class makes sure it is written at most once, never after a release, and that
 * what it holds is let go either way.
 */
public abstract class CanonicalKeyedSnapshot implements KeyedStateBackend.KeyedSnapshot {

    protected final long checkpointId;
    protected final KeyGroupRange range;
    private final int maxParallelism;
    private final SnapshotWriteOnce phase;

    protected CanonicalKeyedSnapshot(long checkpointId, KeyGroupRange range, int maxParallelism) {
        this.checkpointId = checkpointId;
        this.phase = new SnapshotWriteOnce(checkpointId);
        this.range = range;
        this.maxParallelism = maxParallelism;
    }

    @Override
    public final byte[] write() throws IOException {
        phase.startWrite();
        try {
            KeyGroupStateFormat.Writer writer = KeyGroupStateFormat.writer(range, maxParallelism);
            for (int keyGroup = range.start(); keyGroup <= range.end(); keyGroup++) {
                writer.startKeyGroup(keyGroup);
                writeKeyGroup(keyGroup, writer);
            }
            return writer.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            dispose();
        }
    }

    @Override
    public final void release() {
        if (phase.release()) {
            dispose();
        }
    }

    /** Writes the states of {@code keyGroup} (already started): for each state with entries, startState, entries. */
    protected abstract void writeKeyGroup(int keyGroup, KeyGroupStateFormat.Writer writer) throws IOException;

    /** Lets go of what the sync phase captured; called once, after the write or on release. */
    protected abstract void dispose();
}
