package org.checkpointlab.model.client;

/** A cluster could not be reached or did not answer as expected; the message names the address and the cause. */
public final class ClusterException extends Exception {
    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClusterException(String message) {
        super(message);
    }
}
