package org.checkpointlab.flink.rest;

import java.io.IOException;

/** Flink's REST API could not be read: no answer, not Flink, an unknown job, or an error answer. */
public final class FlinkRestException extends IOException {
    private final int httpStatus;
    private final String flinkError;

    public FlinkRestException(String message, int httpStatus, Throwable cause) {
        this(message, httpStatus, cause, null);
    }

    /** @param flinkError Flink's whole error answer (its stack trace with every cause), or null */
    public FlinkRestException(String message, int httpStatus, Throwable cause, String flinkError) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.flinkError = flinkError;
    }

    public FlinkRestException(String message) {
        this(message, -1, null);
    }

    /** The HTTP status the server answered, or -1 when there was no answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Flink's whole error answer (the first line is in the message), or "" when it sent none. */
    public String flinkError() {
        return flinkError == null ? "" : flinkError;
    }

    /** The resource does not exist (any longer): an unknown job, a checkpoint out of the history. */
    public boolean notFound() {
        return httpStatus == 404;
    }
}
