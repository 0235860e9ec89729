package org.checkpointlab.model.runtime;

/** An operator threw a checked exception; carries which subtask it happened in. */
final class OperatorException extends RuntimeException {
    OperatorException(String where, Throwable cause) {
        super(where + ": " + cause.getMessage(), cause);
    }
}
