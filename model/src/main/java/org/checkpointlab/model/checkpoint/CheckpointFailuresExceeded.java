package org.checkpointlab.model.checkpoint;

/**
 * More consecutive checkpoints failed than tolerated (Flink's {@code CheckpointFailureManager}: "Exceeded checkpoint
 * tolerable failure threshold"): the job fails over. Carries the threshold and the failure that exceeded it as facts;
 * the message is the command line's English.
 */
public final class CheckpointFailuresExceeded extends RuntimeException {
    private final int tolerable;
    private final transient CheckpointFailure lastFailure;

    public CheckpointFailuresExceeded(int tolerable, CheckpointFailure lastFailure) {
        super("Exceeded checkpoint tolerable failure threshold (" + tolerable + "): " + lastFailure.english());
        this.tolerable = tolerable;
        this.lastFailure = lastFailure;
    }

    /** The tolerable failed checkpoints the job was configured with. */
    public int tolerable() {
        return tolerable;
    }

    /** The checkpoint failure that exceeded the threshold. */
    public CheckpointFailure lastFailure() {
        return lastFailure;
    }
}
