package org.checkpointlab.model.state;

import java.io.IOException;

/** Persisted bytes of one piece of a checkpoint: in memory or in a file of the checkpoint directory. */
public interface StateHandle {
    /** The bytes as written. */
    byte[] read() throws IOException;

    /** Size in bytes. */
    long size();

    /** Removes what this handle stores (a no-op for memory handles). */
    void discard();
}
