package org.checkpointlab.model.state;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The life of a keyed snapshot's async part, for every backend: pending after the sync phase, then either written
 * (once) or released (the checkpoint was aborted), never both. Thread-safe: the async writer and a release may race.
 */
public final class SnapshotWriteOnce {
    private static final int PENDING = 0;
    private static final int WRITTEN = 1;
    private static final int RELEASED = 2;

    private final long checkpointId;
    private final AtomicInteger phase = new AtomicInteger(PENDING);

    public SnapshotWriteOnce(long checkpointId) {
        this.checkpointId = checkpointId;
    }

    /**
     * Claims the write of a pending snapshot.
     *
     * @throws IOException when it was released (its checkpoint aborted)
     * @throws IllegalStateException when it was written already
     */
    public void startWrite() throws IOException {
        if (!phase.compareAndSet(PENDING, WRITTEN)) {
            if (phase.get() == RELEASED) {
                throw new IOException("the keyed snapshot of checkpoint " + checkpointId
                        + " was released (checkpoint aborted)");
            }
            throw new IllegalStateException("the keyed snapshot of checkpoint " + checkpointId
                    + " was already written");
        }
    }

    /** Releases a pending snapshot: true when this call did, so that the caller lets go of what it holds. */
    public boolean release() {
        return phase.compareAndSet(PENDING, RELEASED);
    }
}
