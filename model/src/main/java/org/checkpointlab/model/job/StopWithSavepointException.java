package org.checkpointlab.model.job;

/**
 * A stop-with-savepoint that took no savepoint: the job goes on (or ends as it would have), and the message says
 * why. {@link #jobAlreadyFinished()} tells the case where there was nothing left to stop.
 */
public final class StopWithSavepointException extends RuntimeException {
    private final boolean jobAlreadyFinished;

    StopWithSavepointException(String message, boolean jobAlreadyFinished) {
        super(message);
        this.jobAlreadyFinished = jobAlreadyFinished;
    }

    /** The job had finished (or reached the end of its input) before the stop took effect; its output is complete. */
    public boolean jobAlreadyFinished() {
        return jobAlreadyFinished;
    }
}
