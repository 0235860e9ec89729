package org.checkpointlab.flink.rest;

import java.io.IOException;

/** Flink's REST API could not be read: no answer, not Flink, an unknown job, or an error answer. */
public final class FlinkRestException extends IOException {
    private final int httpStatus;

    public FlinkRestException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    public FlinkRestException(String message) {
        this(message, -1, null);
    }

    /** The HTTP status the server answered, or -1 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The resource does not exist (any longer): an unknown job, a checkpoint out of the history. */
    public boolean notFound() {
        return httpStatus == 404;
    }
}
